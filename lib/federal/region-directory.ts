import { readFileSync } from 'node:fs';
import path from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { HOME_REGION } from '../domain/home-region';

export const REGIONS_FILE = path.join(process.cwd(), 'public', 'geo', 'ru_regions.geojson');
export const CITIES_FILE = path.join(process.cwd(), 'public', 'geo', 'ru_cities.geojson');

export interface RegionProps {
  name: string;
  short_name: string;
  iso: string;
  federal_district: string;
  okato: string;
}

export interface CityProps {
  name: string;
  region_iso: string;
  population: number | null;
  capital: 'region' | 'district' | 'region+district' | null;
}

export interface RegionCity {
  name: string;
  lon: number;
  lat: number;
  population: number;
}

export interface RegionInfo {
  code: string;
  name: string;
  shortName: string;
  federalDistrict: string;
  /** Where the regional center sits: the capital city (see CAPITAL_OVERRIDES for the ones hflabs lacks). */
  capital: RegionCity;
  /** The region's cities, largest first (the simulator places complaints near them). */
  cities: RegionCity[];
  /** Sum of the cities' populations: the scale of the region's complaint stream. */
  urbanPopulation: number;
  bbox: [number, number, number, number];
}

/**
 * hflabs marks no regional capital for the federal cities, Crimea, Sevastopol, Leningrad Oblast (Gatchina since
 * 2021) and Moscow Oblast (whose government and ЦУР sit in Krasnogorsk).
 */
const CAPITAL_OVERRIDES: Readonly<Record<string, string>> = {
  'RU-MOS': 'Красногорск',
  'RU-MOW': 'Москва',
  'RU-SPE': 'Санкт-Петербург',
  'RU-LEN': 'Гатчина',
  'UA-43': 'Симферополь',
  'UA-40': 'Севастополь',
};

/**
 * Natural Earth's 1:50m boundaries are generalised by kilometres: a border town (Abakan sits on Khakassia's
 * edge) or a coastal one (Sevastopol's bays) can fall just outside its region's polygon, or in the sea. A point
 * this close to the claimed region's outline is taken as that region's.
 */
export const BORDER_TOLERANCE_KM = 15;
const KM_PER_DEG = 111.32;

/** Distance in km from a point to the nearest edge of a (multi)polygon, on a local flat approximation. */
function distanceToOutlineKm(geometry: Polygon | MultiPolygon, lon: number, lat: number): number {
  const kx = KM_PER_DEG * Math.cos((lat * Math.PI) / 180);
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let best = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1]!;
      const [x2, y2] = ring[i]!;
      // Skip edges far off in latitude cheaply; longitude is compared through the projection below.
      if (Math.min(y1!, y2!) - lat > 1 || lat - Math.max(y1!, y2!) > 1) continue;
      const ax = (x1! - lon) * kx;
      const ay = (y1! - lat) * KM_PER_DEG;
      const bx = (x2! - lon) * kx;
      const by = (y2! - lat) * KM_PER_DEG;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  return best;
}

export interface RegionDirectory {
  regions: ReadonlyMap<string, RegionInfo>;
  has(code: string): boolean;
  /** The region whose polygon holds the point, or null (the sea, abroad). */
  locate(lon: number, lat: number): string | null;
  /** Whether the point may belong to `code`: inside it, or within BORDER_TOLERANCE_KM of its outline. */
  admits(code: string, lon: number, lat: number): boolean;
}

type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      // Chukotka's far end crosses the antimeridian as negative longitudes: keep the box on one side.
      const lon = x < 0 ? x + 360 : x;
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], y);
    }
  return box;
}

export function createRegionDirectory(
  regionFeatures: RegionFeature[],
  cityFeatures: Feature<Point, CityProps>[],
): RegionDirectory {
  const citiesOf = new Map<string, RegionCity[]>();
  const capitalOf = new Map<string, RegionCity>();
  for (const f of cityFeatures) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const city = { name: f.properties.name, lon, lat, population: f.properties.population ?? 0 };
    const list = citiesOf.get(f.properties.region_iso) ?? [];
    list.push(city);
    citiesOf.set(f.properties.region_iso, list);
    const override = CAPITAL_OVERRIDES[f.properties.region_iso];
    const isCapital = override
      ? override === city.name
      : f.properties.capital === 'region' || f.properties.capital === 'region+district';
    if (isCapital) capitalOf.set(f.properties.region_iso, city);
  }
  const regions = new Map<string, RegionInfo>();
  const index = new Flatbush(regionFeatures.length);
  for (const f of regionFeatures) {
    const code = f.properties.iso;
    const cities = (citiesOf.get(code) ?? []).sort((a, b) => b.population - a.population);
    const capital = capitalOf.get(code) ?? cities[0];
    if (!capital) throw new Error(`region ${code} has no city in ${CITIES_FILE}`);
    const bbox = bboxOf(f.geometry);
    index.add(...bbox);
    regions.set(code, {
      code,
      name: f.properties.name,
      shortName: f.properties.short_name,
      federalDistrict: f.properties.federal_district,
      capital,
      cities,
      urbanPopulation: cities.reduce((s, c) => s + c.population, 0),
      bbox,
    });
  }
  index.finish();
  const featureOf = new Map(regionFeatures.map((f) => [f.properties.iso, f]));

  const locate = (lon: number, lat: number): string | null => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
    const x = lon < 0 ? lon + 360 : lon;
    for (const i of index.search(x, lat, x, lat)) {
      const f = regionFeatures[i]!;
      if (booleanPointInPolygon([lon, lat], f)) return f.properties.iso;
    }
    return null;
  };
  return {
    regions,
    has: (code) => regions.has(code),
    locate,
    admits(code, lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return false;
      const found = locate(lon, lat);
      if (found === code) return true;
      const feature = featureOf.get(code);
      return feature !== undefined && distanceToOutlineKm(feature.geometry, lon, lat) <= BORDER_TOLERANCE_KM;
    },
  };
}

let cached: RegionDirectory | null = null;

/** The 85 regions and their cities, read once from public/geo. */
export function regionDirectory(): RegionDirectory {
  if (cached) return cached;
  const regions = JSON.parse(readFileSync(REGIONS_FILE, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    RegionProps
  >;
  const cities = JSON.parse(readFileSync(CITIES_FILE, 'utf8')) as FeatureCollection<Point, CityProps>;
  cached = createRegionDirectory(regions.features, cities.features);
  if (!cached.has(HOME_REGION)) throw new Error(`${REGIONS_FILE} lacks the home region ${HOME_REGION}`);
  return cached;
}
