import type { FeatureCollection } from 'geojson';
import { GEO_FILES, type GeoData, type GeoKey } from './map-style';
import { findVectorBasemap } from './vector-basemap';

/** The offline base map's GeoJSON, served from public/geo: every wall map loads the same files. */
export async function loadGeo(): Promise<GeoData> {
  const keys = Object.keys(GEO_FILES) as GeoKey[];
  const [loaded, vectorBasemap] = await Promise.all([
    Promise.all(
      keys.map(async (key) => {
        const res = await fetch(GEO_FILES[key]);
        if (!res.ok) throw new Error(`${GEO_FILES[key]}: HTTP ${res.status}`);
        return [key, (await res.json()) as FeatureCollection] as const;
      }),
    ),
    findVectorBasemap(),
  ]);
  return { ...(Object.fromEntries(loaded) as Record<GeoKey, FeatureCollection>), vectorBasemap };
}
