/**
 * deck.gl layers of the municipality drill-down map, pure like panel-layers.ts: fixed ids, new data arrays only
 * when the data changes, screen sizes multiplied by `scale` (1 on a 1080 px tall screen).
 */
import { GeoJsonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { FineCell, MapComplaint } from '../../lib/drill/types';
import { colorForCount } from '../map/color-ramp';
import { WARNING_RGB } from '../ui/status-colors';
import { LABEL_LETTERING, type MunicipalityLabel } from '../map/wall-layers';

/** Zoom from which single complaints are fetched and drawn as points over the hexagons. */
export const POINTS_MIN_ZOOM = 12.5;
const BORDER_PX = 4;
const POINT_RADIUS_PX = 7;
const NEIGHBOUR_LABEL_PX = 20;
const OPEN_RGB: [number, number, number] = [103, 232, 249];

export const maxOpenOfCells = (cells: FineCell[]) => cells.reduce((m, c) => Math.max(m, c.open), 0);

/** Everything but the municipality under a dark veil: the eye goes to the one being drilled into. */
export function neighboursLayer(municipalities: FeatureCollection, oktmo: string) {
  return new GeoJsonLayer<Feature>({
    id: 'drill-neighbours',
    data: municipalities.features.filter((f) => String(f.properties?.oktmo) !== oktmo),
    filled: true,
    stroked: true,
    getFillColor: [5, 7, 12, 170],
    getLineColor: [100, 116, 139, 200],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
  });
}

/** The municipality's border: a light line over a dark halo, readable over any hexagon colour. */
export function borderLayers(feature: Feature | null, scale: number) {
  const common = {
    data: feature ? [feature] : [],
    filled: false,
    stroked: true,
    lineWidthUnits: 'pixels' as const,
  };
  return [
    new GeoJsonLayer<Feature>({
      ...common,
      id: 'drill-border-halo',
      getLineColor: [5, 7, 12, 230],
      getLineWidth: (BORDER_PX + 4) * scale,
    }),
    new GeoJsonLayer<Feature>({
      ...common,
      id: 'drill-border',
      getLineColor: [241, 245, 249, 255],
      getLineWidth: BORDER_PX * scale,
    }),
  ];
}

/** Open complaints per fine cell, coloured on the wall's ramp; cells with overdue complaints get an alarm rim. */
export function fineCellsLayer(cells: FineCell[], maxOpen: number, scale: number, dimmed: boolean) {
  return new H3HexagonLayer<FineCell>({
    id: 'drill-open-cells',
    data: cells,
    getHexagon: (d) => d.h3,
    extruded: false,
    filled: true,
    stroked: true,
    // At point zoom the cells step back so the single complaints read first.
    opacity: dimmed ? 0.45 : 0.9,
    getFillColor: (d) => colorForCount(d.open, maxOpen),
    getLineColor: (d) => (d.overdue > 0 ? [...WARNING_RGB, 255] : [5, 7, 12, 200]),
    getLineWidth: (d) => (d.overdue > 0 ? 2 : 1) * scale,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: maxOpen, getLineWidth: scale },
  });
}

/**
 * The server sends the most overdue first (so a truncated view keeps them); deck.gl draws later items on top, so
 * the order is reversed: where points overlap, the most overdue one is seen and picked, not buried.
 */
export function pointsInDrawOrder(points: readonly MapComplaint[]): MapComplaint[] {
  return [...points].reverse();
}

/** Single open complaints; overdue ones in the alarm colour. Pickable: hovering one shows its tooltip. */
export function complaintPointsLayer(points: MapComplaint[], scale: number, hoveredId: number | null) {
  return new ScatterplotLayer<MapComplaint>({
    id: 'drill-complaints',
    data: points,
    pickable: true,
    getPosition: (d) => [d.lon, d.lat],
    getRadius: (d) => (d.id === hoveredId ? 1.6 : 1) * POINT_RADIUS_PX,
    radiusScale: scale,
    radiusUnits: 'pixels',
    getFillColor: (d) => (d.overdue ? [...WARNING_RGB, 255] : [...OPEN_RGB, 255]),
    stroked: true,
    getLineColor: [5, 7, 12, 255],
    getLineWidth: 2 * scale,
    lineWidthUnits: 'pixels',
    updateTriggers: { getRadius: hoveredId },
  });
}

/** Names of the neighbours, so the block lead knows which way the region lies. */
export function neighbourLabelsLayer(labels: MunicipalityLabel[], scale: number) {
  return new TextLayer<MunicipalityLabel>({
    id: 'drill-neighbour-labels',
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: NEIGHBOUR_LABEL_PX,
    sizeScale: scale,
    ...LABEL_LETTERING,
    fontWeight: 600,
    getColor: [148, 163, 184, 255],
    outlineWidth: 4,
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
  });
}
