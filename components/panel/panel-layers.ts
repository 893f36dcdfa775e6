/**
 * deck.gl layers of a block panel's map, pure like components/map/wall-layers.ts: fixed ids (deck.gl diffs rather
 * than recreates), new data arrays only when the data changes, screen sizes multiplied by `scale`.
 */
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToLatLng } from 'h3-js';
import type { Feature, FeatureCollection } from 'geojson';
import type { CellCount } from '../../lib/realtime/contract';
import type { HeatCell, TensionPoint, TerritoryLoad } from '../../lib/panels/types';
import { HEAT_COLOR_RANGE } from '../map/color-ramp';
import type { Per10kScale } from './panel-colors';
import { BREACH_RGB } from '../ui/status-colors';
import { LABEL_LETTERING, type HeatPoint } from '../map/wall-layers';

/** Sizes for a 1080 px tall screen; the map is a quarter of the width, so the glow is tighter than the wall's. */
const HEAT_RADIUS_PX = 20;
const TENSION_LABEL_PX = 22;
const TENSION_LINE_PX = 3.5;

export interface TensionLabel {
  position: [number, number];
  text: string;
  /** The ratio: when two labels collide, the stronger surge keeps its name (label-placement's priority). */
  population: number;
}

/** Label size in pixels on a 1080 px tall screen (for decluttering). */
export const TENSION_LABEL_SIZE_PX = TENSION_LABEL_PX;

export function oktmoOf(f: Feature): string {
  return String(f.properties?.oktmo ?? '');
}

export function heatPointsOfPanel(heat: HeatCell[]): HeatPoint[] {
  return heat.map((c) => {
    const [lat, lon] = cellToLatLng(c.h3);
    return { position: [lon, lat], weight: c.n };
  });
}

export function choroplethLayer(
  municipalities: FeatureCollection,
  loads: Map<string, TerritoryLoad>,
  scale: Per10kScale,
  version: string,
) {
  return new GeoJsonLayer<Feature>({
    id: 'territory-choropleth',
    data: municipalities,
    filled: true,
    stroked: true,
    getFillColor: (f) => {
      const load = loads.get(oktmoOf(f));
      return scale.colorOf(load && load.rank !== null ? load.per10k : null);
    },
    getLineColor: [5, 7, 12, 255],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: version },
  });
}

/**
 * Open complaints as hexagon rims only, so the choropleth stays readable through them: a light rim over a dark
 * halo, visible on the palest and the darkest fill alike, more opaque where more are open.
 */
export function openCellsLayers(cells: CellCount[], maxOpen: number, scale: number) {
  const alpha = (d: CellCount) =>
    Math.round(90 + 165 * (maxOpen > 1 ? Math.log(Math.max(1, d.open)) / Math.log(maxOpen) : 1));
  const common = {
    data: cells,
    getHexagon: (d: CellCount) => d.h3,
    extruded: false,
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels' as const,
  };
  return [
    new H3HexagonLayer<CellCount>({
      ...common,
      id: 'panel-open-cells-halo',
      getLineColor: (d) => [5, 7, 12, Math.round(alpha(d) * 0.8)],
      getLineWidth: 3 * scale,
      updateTriggers: { getLineColor: maxOpen },
    }),
    new H3HexagonLayer<CellCount>({
      ...common,
      id: 'panel-open-cells',
      getLineColor: (d) => [241, 245, 249, alpha(d)],
      getLineWidth: 1.2 * scale,
      updateTriggers: { getLineColor: maxOpen },
    }),
  ];
}

export function panelHeatLayer(points: HeatPoint[], scale: number) {
  return new HeatmapLayer<HeatPoint>({
    id: 'panel-heat',
    data: points,
    getPosition: (d) => d.position,
    getWeight: (d) => d.weight,
    radiusPixels: Math.max(4, Math.round(HEAT_RADIUS_PX * scale)),
    colorRange: HEAT_COLOR_RANGE,
    intensity: 1.2,
    threshold: 0.06,
    opacity: 0.85,
  });
}

/** Municipalities that are tension points: a thick alarm rim over a dark halo, readable on any fill. */
export function tensionAreasLayers(
  municipalities: FeatureCollection,
  tension: TensionPoint[],
  scale: number,
) {
  const keys = new Set(tension.filter((t) => t.kind === 'municipality').map((t) => t.key));
  const features = municipalities.features.filter((f) => keys.has(oktmoOf(f)));
  const common = { data: features, filled: false, stroked: true, lineWidthUnits: 'pixels' as const };
  return [
    new GeoJsonLayer<Feature>({
      ...common,
      id: 'tension-areas-halo',
      getLineColor: [5, 7, 12, 230],
      getLineWidth: (TENSION_LINE_PX + 3) * scale,
    }),
    new GeoJsonLayer<Feature>({
      ...common,
      id: 'tension-areas',
      getLineColor: [...BREACH_RGB, 255],
      getLineWidth: TENSION_LINE_PX * scale,
    }),
  ];
}

export function tensionCellsLayer(tension: TensionPoint[], scale: number) {
  return new H3HexagonLayer<TensionPoint>({
    id: 'tension-cells',
    data: tension.filter((t) => t.kind === 'cell'),
    getHexagon: (d) => d.key,
    extruded: false,
    filled: true,
    stroked: true,
    getFillColor: [...BREACH_RGB, 70],
    getLineColor: [...BREACH_RGB, 255],
    getLineWidth: TENSION_LINE_PX * scale,
    lineWidthUnits: 'pixels',
  });
}

/** Where each tension point's label goes: the municipality's centre, or the cell's. */
export function tensionLabelsOf(
  tension: TensionPoint[],
  municipalities: FeatureCollection,
  nameOf: (oktmo: string | null) => string,
): TensionLabel[] {
  const centres = new Map<string, [number, number]>();
  for (const f of municipalities.features) {
    const p = f.properties ?? {};
    centres.set(oktmoOf(f), [Number(p.center_lon), Number(p.center_lat)]);
  }
  // A cell inside a municipality that is itself flagged would only repeat its name.
  const flagged = new Set(tension.filter((t) => t.kind === 'municipality').map((t) => t.key));
  const labels: TensionLabel[] = [];
  for (const t of tension) {
    let position: [number, number] | undefined;
    if (t.kind === 'cell') {
      if (t.municipality !== null && flagged.has(t.municipality)) continue;
      const [lat, lon] = cellToLatLng(t.key);
      position = [lon, lat];
    } else position = centres.get(t.key);
    if (position)
      labels.push({ position, text: `▲ ${nameOf(t.municipality ?? t.key)}`, population: t.ratio });
  }
  return labels;
}

export function tensionLabelsLayer(labels: TensionLabel[], scale: number) {
  return new TextLayer<TensionLabel>({
    id: 'tension-labels',
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: TENSION_LABEL_PX,
    sizeScale: scale,
    ...LABEL_LETTERING,
    fontWeight: 700,
    getColor: [...BREACH_RGB, 255],
    outlineWidth: 5,
    // Above the point, so the rim or hexagon it names stays visible.
    getPixelOffset: [0, -14 * scale],
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'bottom',
  });
}
