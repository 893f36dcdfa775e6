import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/** Moscow Oblast bbox (geo/README): west, south, east, north. */
export const OBLAST_BOUNDS: [number, number, number, number] = [35.15, 54.26, 40.21, 56.96];

/** The oblast fitted to a 1080 px tall screen; the map refits to the real size on load and resize. */
export const INITIAL_VIEW_STATE = {
  longitude: (OBLAST_BOUNDS[0] + OBLAST_BOUNDS[2]) / 2,
  latitude: (OBLAST_BOUNDS[1] + OBLAST_BOUNDS[3]) / 2,
  zoom: 7.1,
  pitch: 0,
  bearing: 0,
};

/**
 * Room left for the side panels, as fractions of the screen: the oblast is roughly square, so on a 16:9 wall
 * the counters and the ticker sit beside it instead of over it.
 */
export const MAP_PADDING = { left: 0.26, right: 0.25, top: 0.04, bottom: 0.05 };

export const BACKGROUND_COLOR = '#05070c';
const OBLAST_FILL = '#111827';
const MOSCOW_FILL = '#3a3f47';
const MOSCOW_OUTLINE = '#6b7280';

export const GEO_FILES = {
  municipalities: '/geo/mo_municipalities_lite.geojson',
  outline: '/geo/mo_outline.geojson',
  moscow: '/geo/moscow_city.geojson',
} as const;

export type GeoKey = keyof typeof GEO_FILES;
export type GeoData = Record<GeoKey, FeatureCollection>;

/**
 * A style that needs no network: a background and inline GeoJSON sources. No tiles, sprite or glyphs URL,
 * so the wall keeps drawing in a control room cut off from the internet. Labels and borders are drawn by
 * deck.gl above the data layers.
 */
export function offlineStyle(geo: GeoData): StyleSpecification {
  return {
    version: 8,
    sources: {
      outline: { type: 'geojson', data: geo.outline },
      municipalities: { type: 'geojson', data: geo.municipalities },
      moscow: { type: 'geojson', data: geo.moscow },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      { id: 'oblast-fill', type: 'fill', source: 'outline', paint: { 'fill-color': OBLAST_FILL } },
      {
        id: 'municipality-lines',
        type: 'line',
        source: 'municipalities',
        paint: { 'line-color': '#475569', 'line-width': 1 },
      },
      { id: 'moscow-fill', type: 'fill', source: 'moscow', paint: { 'fill-color': MOSCOW_FILL } },
      {
        id: 'moscow-line',
        type: 'line',
        source: 'moscow',
        paint: { 'line-color': MOSCOW_OUTLINE, 'line-width': 1 },
      },
    ],
  };
}
