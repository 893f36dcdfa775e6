import { HOME_REGION } from '../domain/home-region';
import type { RegionCity, RegionDirectory } from '../federal/region-directory';
import { weightedTable, type Rng, type WeightedTable } from './random';

/**
 * The other regions' centers as the simulator feeds them: each sends in proportion to its urban population
 * (the sum of its cities'), scaled to a share of the home simulator's stream, with a floor so that even the
 * smallest center (Nenets, Chukotka) reports every few minutes and "silent" means an outage, not a small region.
 */
export interface FederalCenter {
  region: string;
  shortName: string;
  /** Share of the network's proportional volume. */
  weight: number;
  cities: WeightedTable<RegionCity>;
}

/** Urban population of the home region, the yardstick the other regions' volumes are scaled by. */
export function homeUrbanPopulation(directory: RegionDirectory): number {
  return directory.regions.get(HOME_REGION)?.urbanPopulation ?? 1;
}

export function federalCenters(directory: RegionDirectory): FederalCenter[] {
  const home = homeUrbanPopulation(directory);
  return [...directory.regions.values()]
    .filter((r) => r.code !== HOME_REGION && r.cities.length > 0)
    .map((r) => ({
      region: r.code,
      shortName: r.shortName,
      weight: r.urbanPopulation / home,
      // Residents complain where they live: a city's share follows its population (at least a village's).
      cities: weightedTable(r.cities.map((c) => [c, Math.max(c.population, 5_000)] as const)),
    }));
}

const METRES_PER_DEG_LAT = 111_320;

/**
 * A point near the city, spread like its built-up area (bigger cities wider), kept inside the claimed region
 * by the directory's own check; the city's point itself when three draws fall outside (a coastal town).
 */
export function pointNear(
  city: RegionCity,
  region: string,
  directory: RegionDirectory,
  rng: Rng,
): { lat: number; lon: number } | null {
  const sigma = Math.min(9_000, 600 + Math.sqrt(Math.max(city.population, 1_000)) * 6);
  for (let i = 0; i < 3; i++) {
    const lat = city.lat + (rng.gaussian() * sigma) / METRES_PER_DEG_LAT;
    const lon =
      city.lon + (rng.gaussian() * sigma) / (METRES_PER_DEG_LAT * Math.cos((city.lat * Math.PI) / 180));
    if (directory.admits(region, lon, lat)) return { lat: round5(lat), lon: round5(lon) };
  }
  return directory.admits(region, city.lon, city.lat) ? { lat: city.lat, lon: city.lon } : null;
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;
