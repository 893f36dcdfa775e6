/**
 * The base map under every wall map: urban areas, water, rivers and the main roads from public/geo (OSM via
 * OpenMapTiles z7, Natural Earth), and the town names. Styled for a dark wall: quiet greys and a dark
 * desaturated blue, never red or amber (those mean a breach and a warning on every screen). The data layers
 * (deck.gl, interleaved) draw above all of these.
 */
import type {
  LayerSpecification,
  LineLayerSpecification,
  SourceSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

/** Sizes are for a 1080 px tall screen and multiplied by the map's scale (scaleBasemap). */
const ROAD_WIDTH_PX = { motorway: 2.4, trunk: 1.6, primary: 1 } as const;
const RIVER_WIDTH_PX = 1.4;
/** The floor for map labels at 1080p. */
export const TOWN_LABEL_PX = 20;
const BIG_TOWN_LABEL_PX = 23;
const TOWN_DOT_PX = 3;
const TOWN_HALO_PX = 2.5;

export const BASEMAP_COLORS = {
  urban: '#1a2233',
  water: '#1c2b40',
  river: '#2a4262',
  motorway: '#8593a8',
  trunk: '#5f6b7d',
  primary: '#465161',
  town: '#d5dde8',
  townDot: '#9aa7b8',
  halo: '#05070c',
} as const;

/**
 * The lettering of town names. No glyph server: MapLibre draws them from the page's fonts, the bundled Inter
 * first; the first name only carries the weight (MapLibre reads "SemiBold" out of it).
 */
const TOWN_FONT = ['Inter Variable SemiBold', 'Inter Variable', 'DejaVu Sans'];

export const BASEMAP_SOURCE_IDS = {
  roads: 'basemap-roads',
  rivers: 'basemap-rivers',
  water: 'basemap-water',
  urban: 'basemap-urban',
  towns: 'basemap-towns',
} as const;

export interface BasemapGeo {
  roads: FeatureCollection;
  rivers: FeatureCollection;
  water: FeatureCollection;
  urban: FeatureCollection;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function basemapSources(geo: BasemapGeo | null): Record<string, SourceSpecification> {
  const sources: Record<string, SourceSpecification> = {
    // Filled by the town labeller (basemap-towns.ts) with the towns that fit the view at this zoom.
    [BASEMAP_SOURCE_IDS.towns]: { type: 'geojson', data: EMPTY },
  };
  if (!geo) return sources;
  sources[BASEMAP_SOURCE_IDS.roads] = { type: 'geojson', data: geo.roads };
  sources[BASEMAP_SOURCE_IDS.rivers] = { type: 'geojson', data: geo.rivers };
  sources[BASEMAP_SOURCE_IDS.water] = { type: 'geojson', data: geo.water };
  sources[BASEMAP_SOURCE_IDS.urban] = { type: 'geojson', data: geo.urban };
  return sources;
}

function roadLayer(cls: keyof typeof ROAD_WIDTH_PX, construction: boolean): LineLayerSpecification {
  return {
    id: `basemap-road-${cls}${construction ? '-construction' : ''}`,
    type: 'line',
    source: BASEMAP_SOURCE_IDS.roads,
    filter: ['all', ['==', ['get', 'class'], cls], ['==', ['get', 'construction'], construction]],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': BASEMAP_COLORS[cls],
      'line-width': ROAD_WIDTH_PX[cls],
      // Stretches under construction in 2021 (parts of ЦКАД): dashed, as the source's README asks.
      ...(construction ? { 'line-dasharray': [2, 2], 'line-opacity': 0.7 } : {}),
    },
  };
}

/** Urban areas, water, rivers and roads (primary under trunk under motorway): the GeoJSON base map. */
export function geojsonBasemapLayers(): LayerSpecification[] {
  const classes = ['primary', 'trunk', 'motorway'] as const;
  return [
    {
      id: 'basemap-urban',
      type: 'fill',
      source: BASEMAP_SOURCE_IDS.urban,
      paint: { 'fill-color': BASEMAP_COLORS.urban, 'fill-opacity': 0.7 },
    },
    {
      id: 'basemap-water',
      type: 'fill',
      source: BASEMAP_SOURCE_IDS.water,
      paint: { 'fill-color': BASEMAP_COLORS.water },
    },
    {
      id: 'basemap-rivers',
      type: 'line',
      source: BASEMAP_SOURCE_IDS.rivers,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASEMAP_COLORS.river, 'line-width': RIVER_WIDTH_PX },
    },
    ...classes.map((c) => roadLayer(c, true)),
    ...classes.map((c) => roadLayer(c, false)),
  ];
}

/** A dot and a name per town; which towns is decided by the labeller, MapLibre only declutters them. */
export function townLayers(): LayerSpecification[] {
  const label: SymbolLayerSpecification = {
    id: 'basemap-town-labels',
    type: 'symbol',
    source: BASEMAP_SOURCE_IDS.towns,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': TOWN_FONT,
      'text-size': TOWN_LABEL_PX,
      // The side of the dot the labeller found room on (basemap-towns.ts): inside the view, off overlays.
      'text-anchor': ['match', ['get', 'anchor'], 'right', 'right', 'left'],
      'text-offset': ['match', ['get', 'anchor'], 'right', ['literal', [-0.45, 0]], ['literal', [0.45, 0]]],
      'text-justify': ['match', ['get', 'anchor'], 'right', 'right', 'left'],
      'text-padding': 4,
      // Bigger towns first: MapLibre keeps the first of two colliding names.
      'symbol-sort-key': ['get', 'rank'],
      'text-max-width': 12,
    },
    paint: {
      'text-color': BASEMAP_COLORS.town,
      'text-halo-color': BASEMAP_COLORS.halo,
      'text-halo-width': TOWN_HALO_PX,
    },
  };
  return [
    {
      id: 'basemap-town-dots',
      type: 'circle',
      source: BASEMAP_SOURCE_IDS.towns,
      paint: {
        'circle-color': BASEMAP_COLORS.townDot,
        'circle-radius': TOWN_DOT_PX,
        'circle-stroke-color': BASEMAP_COLORS.halo,
        'circle-stroke-width': 1,
      },
    },
    label,
  ];
}

/** The size of a town's name at 1080p: towns over 100 000 a little larger. */
export function townLabelPx(rank: number): number {
  return rank <= 1 ? BIG_TOWN_LABEL_PX : TOWN_LABEL_PX;
}

/** Line widths and lettering follow the screen (1080 px = 1), like the text around the map. */
export function scaleBasemap(map: import('maplibre-gl').Map, scale: number): void {
  const set = (layer: string, prop: string, value: unknown) => {
    if (map.getLayer(layer)) map.setPaintProperty(layer, prop, value);
  };
  for (const cls of Object.keys(ROAD_WIDTH_PX) as (keyof typeof ROAD_WIDTH_PX)[]) {
    set(`basemap-road-${cls}`, 'line-width', ROAD_WIDTH_PX[cls] * scale);
    set(`basemap-road-${cls}-construction`, 'line-width', ROAD_WIDTH_PX[cls] * scale);
  }
  set('basemap-rivers', 'line-width', RIVER_WIDTH_PX * scale);
  set('basemap-town-dots', 'circle-radius', TOWN_DOT_PX * scale);
  set('basemap-town-labels', 'text-halo-width', TOWN_HALO_PX * scale);
  if (map.getLayer('basemap-town-labels')) {
    map.setLayoutProperty('basemap-town-labels', 'text-size', [
      'case',
      ['<=', ['get', 'rank'], 1],
      BIG_TOWN_LABEL_PX * scale,
      TOWN_LABEL_PX * scale,
    ]);
  }
}
