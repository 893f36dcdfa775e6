/**
 * deck.gl layers of the region wall as plain values: each builder is pure, has a fixed id (so deck.gl diffs
 * instead of recreating) and gets new data arrays when the data changes.
 */
import { GeoJsonLayer, ScatterplotLayer, TextLayer, type TextLayerProps } from '@deck.gl/layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToLatLng } from 'h3-js';
import type { Feature, FeatureCollection } from 'geojson';
import type { CellCount } from '../../lib/realtime/contract';
import type { Arrival } from '../../lib/realtime/client/wall-state';
import { colorForCount, HEAT_COLOR_RANGE } from './color-ramp';

/** Screen sizes below are for a 1080 px tall wall and are multiplied by `scale` (= height / 1080). */
const HEAT_RADIUS_PX = 38;
const LABEL_SIZE_PX = 20;
const PULSE_MS = 2_400;
const PULSE_COUNT = 2;
const PULSE_MAX_RADIUS_PX = 46;
const DOT_RADIUS_PX = 7;
const DOT_TTL_MS = 10_000;
const PULSE_COLOR: [number, number, number] = [103, 232, 249];
/** Overdue weighs double in the heat: a late complaint is a worse problem than a fresh one. */
const OVERDUE_WEIGHT = 2;
const BIG_CITY = 200_000;

export interface HeatPoint {
  position: [number, number];
  weight: number;
}

export interface MunicipalityLabel {
  position: [number, number];
  text: string;
  population: number;
}

export function heatPointsOf(cells: CellCount[]): HeatPoint[] {
  return cells.map((c) => {
    const [lat, lon] = cellToLatLng(c.h3);
    return { position: [lon, lat], weight: c.open + OVERDUE_WEIGHT * c.overdue };
  });
}

/**
 * The lettering of every map label, on the wall and on the panels: the app's bundled Inter (app/layout.tsx), so
 * no label depends on the wall PC's fonts; it is narrower than the DejaVu Sans label-placement's glyph widths
 * are measured for, so the decluttering errs on the safe side. The SDF atlas with a dark outline keeps names
 * readable over any colour.
 */
export const LABEL_LETTERING: Pick<
  TextLayerProps,
  'sizeUnits' | 'characterSet' | 'fontFamily' | 'fontSettings' | 'outlineColor'
> = {
  sizeUnits: 'pixels',
  characterSet: 'auto',
  fontFamily: 'Inter Variable, DejaVu Sans, sans-serif',
  fontSettings: { sdf: true, fontSize: 64, buffer: 8 },
  outlineColor: [5, 7, 12, 255],
};

export function labelsOf(municipalities: FeatureCollection): MunicipalityLabel[] {
  const labels: MunicipalityLabel[] = [];
  for (const f of municipalities.features) {
    const p = f.properties ?? {};
    const population = Number(p.population ?? 0);
    labels.push({
      position: [Number(p.center_lon), Number(p.center_lat)],
      text: String(p.short_name),
      population,
    });
  }
  return labels;
}

/** Label size in pixels on a 1080 px tall screen: bigger towns read first. */
export function labelSizeOf(label: MunicipalityLabel): number {
  // Never under 20 px (the floor for map labels at 5 m): small towns lose their label to declutter, not shrink.
  const tier = label.population >= BIG_CITY ? 1.25 : 1;
  return LABEL_SIZE_PX * tier;
}

export function maxOpenOf(cells: CellCount[]): number {
  let max = 0;
  for (const c of cells) max = Math.max(max, c.open);
  return max;
}

export function heatLayer(points: HeatPoint[], scale: number) {
  return new HeatmapLayer<HeatPoint>({
    id: 'complaint-heat',
    data: points,
    getPosition: (d) => d.position,
    getWeight: (d) => d.weight,
    radiusPixels: Math.round(HEAT_RADIUS_PX * scale),
    colorRange: HEAT_COLOR_RANGE,
    intensity: 1,
    threshold: 0.08,
    opacity: 0.55,
  });
}

export function hexLayer(cells: CellCount[], maxOpen: number) {
  return new H3HexagonLayer<CellCount>({
    id: 'open-cells',
    data: cells,
    getHexagon: (d) => d.h3,
    extruded: false,
    filled: true,
    // A dark rim keeps neighbouring cells of similar colour apart.
    stroked: true,
    getFillColor: (d) => colorForCount(d.open, maxOpen),
    getLineColor: [5, 7, 12, 200],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: maxOpen },
  });
}

/** Moscow is not part of the oblast: grey it out above the heat so the glow does not spill into it. */
export function moscowMaskLayer(moscow: FeatureCollection) {
  return new GeoJsonLayer<Feature>({
    id: 'moscow-mask',
    data: moscow,
    filled: true,
    stroked: true,
    getFillColor: [58, 63, 71, 255],
    getLineColor: [120, 128, 140, 255],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
  });
}

export function bordersLayer(municipalities: FeatureCollection, scale: number) {
  return new GeoJsonLayer<Feature>({
    id: 'municipality-borders',
    data: municipalities,
    filled: false,
    stroked: true,
    getLineColor: [203, 213, 225, 120],
    getLineWidth: Math.max(1, scale),
    lineWidthUnits: 'pixels',
  });
}

export function labelsLayer(labels: MunicipalityLabel[], scale: number) {
  return new TextLayer<MunicipalityLabel>({
    id: 'municipality-labels',
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    // Accessors are cached until their data changes: screen scaling goes through sizeScale instead.
    getSize: labelSizeOf,
    sizeScale: scale,
    ...LABEL_LETTERING,
    fontWeight: 600,
    getColor: [241, 245, 249, 255],
    outlineWidth: 4,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
  });
}

/** Expanding rings around complaints that just arrived. */
export function pulseLayer(arrivals: Arrival[], now: number, scale: number) {
  const live = arrivals.filter((a) => now - a.seenAt < PULSE_MS * PULSE_COUNT);
  const phase = (a: Arrival) => ((now - a.seenAt) % PULSE_MS) / PULSE_MS;
  return new ScatterplotLayer<Arrival>({
    id: 'arrival-pulses',
    data: live,
    getPosition: (a) => [a.lon, a.lat],
    getRadius: (a) => DOT_RADIUS_PX + phase(a) * PULSE_MAX_RADIUS_PX,
    radiusScale: scale,
    getLineColor: (a) => [...PULSE_COLOR, Math.round(255 * (1 - phase(a)))],
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineWidth: 4 * scale,
    lineWidthUnits: 'pixels',
    updateTriggers: { getRadius: now, getLineColor: now },
  });
}

/** A steady dot under the rings, fading out at the end of its life. */
export function arrivalDotsLayer(arrivals: Arrival[], now: number, scale: number) {
  const alpha = (a: Arrival) =>
    Math.round(255 * Math.min(1, (2 * (DOT_TTL_MS - (now - a.seenAt))) / DOT_TTL_MS));
  return new ScatterplotLayer<Arrival>({
    id: 'arrival-dots',
    data: arrivals,
    getPosition: (a) => [a.lon, a.lat],
    getRadius: DOT_RADIUS_PX,
    radiusScale: scale,
    radiusUnits: 'pixels',
    getFillColor: (a) => [...PULSE_COLOR, Math.max(0, alpha(a))],
    stroked: true,
    getLineColor: [5, 7, 12, 255],
    getLineWidth: 1.5 * scale,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: now },
  });
}
