import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { basemapSources, geojsonBasemapLayers, townLayers } from './basemap-layers';
import { vectorBasemapLayers, vectorBasemapSource } from './vector-basemap';

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
  // The base map (public/geo/SOURCES.md): drawn under the data on every map.
  roads: '/geo/mo_roads_main.geojson',
  rivers: '/geo/mo_rivers.geojson',
  water: '/geo/mo_water_areas.geojson',
  urban: '/geo/mo_urban_areas_ne50m.geojson',
  towns: '/geo/mo_towns.geojson',
} as const;

export type GeoKey = keyof typeof GEO_FILES;
export type GeoData = Record<GeoKey, FeatureCollection> & {
  /** The deployment's street-level PMTiles archive (BASEMAP_PMTILES), or null: the GeoJSON base map then. */
  vectorBasemap: string | null;
};

/**
 * A style that needs no network: a background and inline GeoJSON sources (or the deployment's own PMTiles
 * archive, served by this app). No sprite or glyphs URL: MapLibre draws town names from a local font, so the
 * wall keeps drawing in a control room cut off from the internet. The base map (water, roads, towns) lies
 * under the data; municipality labels and the data are drawn by deck.gl above it.
 */
export function offlineStyle(geo: GeoData): StyleSpecification {
  const vector = geo.vectorBasemap;
  return {
    version: 8,
    sources: {
      outline: { type: 'geojson', data: geo.outline },
      municipalities: { type: 'geojson', data: geo.municipalities },
      moscow: { type: 'geojson', data: geo.moscow },
      ...basemapSources(vector ? null : geo),
      ...(vector ? vectorBasemapSource(vector) : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } },
      // Over a street map the oblast is told by its outline alone, its fill would hide the streets.
      ...(vector
        ? vectorBasemapLayers()
        : [
            {
              id: 'oblast-fill',
              type: 'fill' as const,
              source: 'outline',
              paint: { 'fill-color': OBLAST_FILL },
            },
            {
              id: 'moscow-fill',
              type: 'fill' as const,
              source: 'moscow',
              paint: { 'fill-color': MOSCOW_FILL },
            },
            ...geojsonBasemapLayers(),
          ]),
      {
        id: 'municipality-lines',
        type: 'line',
        source: 'municipalities',
        paint: { 'line-color': '#475569', 'line-width': 1 },
      },
      {
        id: 'moscow-line',
        type: 'line',
        source: 'moscow',
        paint: { 'line-color': MOSCOW_OUTLINE, 'line-width': 1 },
      },
      ...townLayers(),
    ],
  };
}
