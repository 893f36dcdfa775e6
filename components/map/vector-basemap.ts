/**
 * The street-level base map a deployer may supply: a PMTiles archive in the Protomaps schema (streets,
 * railways, water, land use), served by GET /api/v1/basemap over HTTP Range requests (BASEMAP_PMTILES) and
 * read by MapLibre through the `pmtiles` protocol. Protomaps' dark theme, recoloured where it would draw
 * red or amber or hide the railways, and without the layers that need a sprite or repeat our town names.
 */
import maplibregl, { type LayerSpecification, type SourceSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { layers, namedFlavor } from '@protomaps/basemaps';
import { BASEMAP_COLORS } from './basemap-layers';

/** Where the server serves the archive; 404 when the deployment has none. */
export const BASEMAP_URL = '/api/v1/basemap';
export const VECTOR_SOURCE_ID = 'basemap-vector';

/** Sprite icons (none offline), our own backdrop, and names our town labeller already writes. */
const DROPPED_LAYERS = new Set([
  'background',
  'pois',
  'roads_shields',
  'roads_oneway',
  'places_locality',
  'places_region',
  'places_country',
]);

let protocolAdded = false;

/** Registers `pmtiles://` with MapLibre once per page. */
function ensureProtocol(): void {
  if (protocolAdded) return;
  const protocol = new Protocol();
  maplibregl.addProtocol('pmtiles', protocol.tile);
  protocolAdded = true;
}

/** The archive's URL when this deployment serves one, else null (the GeoJSON base map is drawn instead). */
export async function findVectorBasemap(): Promise<string | null> {
  try {
    const res = await fetch(`${BASEMAP_URL}?available`, { cache: 'no-store' });
    const body = res.ok ? ((await res.json()) as { available?: boolean }) : null;
    return body?.available ? new URL(BASEMAP_URL, window.location.href).href : null;
  } catch {
    return null;
  }
}

export function vectorBasemapSource(url: string): Record<string, SourceSpecification> {
  ensureProtocol();
  return {
    [VECTOR_SOURCE_ID]: {
      type: 'vector',
      url: `pmtiles://${url}`,
      attribution: '© участники OpenStreetMap (ODbL) · Protomaps',
    },
  };
}

export function vectorBasemapLayers(): LayerSpecification[] {
  // Protomaps' dark theme, brought to the wall's palette: its black railways and near-black roads would vanish
  // on the wall's darker ground, and water takes the GeoJSON base map's dark blue.
  const flavor = {
    ...namedFlavor('dark'),
    earth: '#0d1220',
    water: BASEMAP_COLORS.water,
    highway: BASEMAP_COLORS.motorway,
    major: BASEMAP_COLORS.trunk,
    minor_a: '#3b4350',
    minor_b: '#323945',
    railway: '#6b7688',
  };
  return layers(VECTOR_SOURCE_ID, flavor, { lang: 'ru' }).filter(
    (l) => !DROPPED_LAYERS.has(l.id),
  ) as LayerSpecification[];
}
