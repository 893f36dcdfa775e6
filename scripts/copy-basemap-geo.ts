/**
 * Copies the base-map layers of ../shared/geo (roads, rivers, water areas, urban areas) into public/geo and
 * builds mo_towns.geojson, the town labels, from its two gazetteers. Run by hand when ../shared/geo changes:
 *
 *   npx tsx scripts/copy-basemap-geo.ts [path/to/shared/geo]
 *
 * The geometry is copied as it is (already generalized at zoom 7 / 1:10m, 1e-5° precision); only the
 * properties the maps use are kept, so the wall loads less. Stretches under construction in 2021 keep their
 * flag and are drawn dashed. The app never reads ../shared at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';

/** The box the shared layers are clipped to (../shared/geo/README.md, "Base-map layers"). */
const BOX = { west: 34.9, south: 54.0, east: 40.5, north: 57.2 };
/** A settlement this close to a city of the same name is that city (the two gazetteers disagree slightly). */
const SAME_PLACE_KM = 5;

type Props = Record<string, unknown>;
const source = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'geo'));
const target = join(process.cwd(), 'public', 'geo');

function read(name: string): FeatureCollection {
  return JSON.parse(readFileSync(join(source, name), 'utf8')) as FeatureCollection;
}

function write(name: string, features: Feature[]): void {
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(join(target, name), `${text}\n`);
  console.log(`${name}: ${features.length} features, ${Math.round(text.length / 1024)} KB`);
}

function keep(fc: FeatureCollection, pick: (p: Props) => Props): Feature[] {
  return fc.features.map((f) => ({
    type: 'Feature',
    properties: pick(f.properties ?? {}),
    geometry: f.geometry,
  }));
}

function km([lon1 = 0, lat1 = 0]: number[], [lon2 = 0, lat2 = 0]: number[]): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  return Math.hypot(x, lat2 - lat1) * 111.2;
}

function inBox([lon = NaN, lat = NaN]: number[]): boolean {
  return lon >= BOX.west && lon <= BOX.east && lat >= BOX.south && lat <= BOX.north;
}

/**
 * Label priority, 1 = first: towns with town status (hflabs) by size, then villages (GeoNames). GeoNames'
 * populations are of mixed quality (Фрязево 53 212), so a village never outranks a town.
 */
function rankOf(kind: 'city' | 'settlement', population: number): number {
  if (kind === 'city') return population >= 100_000 ? 1 : population >= 30_000 ? 2 : 3;
  return population >= 10_000 ? 4 : 5;
}

function towns(): Feature<Point>[] {
  const cities = read('ru_cities.geojson').features as Feature<Point>[];
  const settlements = read('mo_settlements.geojson').features as Feature<Point>[];
  const out: Feature<Point>[] = [];
  const add = (f: Feature<Point>, kind: 'city' | 'settlement') => {
    const name = String(f.properties?.name ?? '');
    const population = Number(f.properties?.population ?? 0);
    out.push({
      type: 'Feature',
      properties: { name, population, kind, rank: rankOf(kind, population) },
      geometry: f.geometry,
    });
  };
  for (const c of cities) if (inBox(c.geometry.coordinates)) add(c, 'city');
  for (const s of settlements) {
    // Former towns now inside a city (Железнодорожный → Балашиха) would label one city twice.
    if (s.properties?.feature_code === 'PPLX') continue;
    const same = out.some(
      (c) =>
        c.properties?.name === s.properties?.name &&
        km(c.geometry.coordinates, s.geometry.coordinates) < SAME_PLACE_KM,
    );
    if (!same) add(s, 'settlement');
  }
  return out.sort((a, b) => Number(a.properties?.rank) - Number(b.properties?.rank));
}

write(
  'mo_roads_main.geojson',
  keep(read('mo_roads_main.geojson'), (p) => ({ class: p.class, construction: p.construction === true })),
);
write(
  'mo_rivers.geojson',
  keep(read('mo_rivers.geojson'), (p) => ({ name: p.name ?? null })),
);
write(
  'mo_water_areas.geojson',
  keep(read('mo_water_areas.geojson'), (p) => ({ class: p.class, name: p.name ?? null })),
);
write(
  'mo_urban_areas_ne50m.geojson',
  keep(read('mo_urban_areas_ne50m.geojson'), () => ({})),
);
write('mo_towns.geojson', towns());
