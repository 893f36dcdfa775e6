import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MunicipalityLocator } from '../geo/municipality-locator';
import type { MunicipalityInfo } from '../reference/types';
import { weightedTable, type Rng, type WeightedTable } from './random';

export const SETTLEMENTS_FILE = path.join(process.cwd(), 'public', 'geo', 'mo_settlements.geojson');

/** A populated place complaints come from; `label` is how a resident names it in a text. */
export interface Town {
  label: string;
  population: number;
  oktmo: string;
  lon: number;
  lat: number;
  /** A former town now inside a city (Железнодорожный in Балашиха): residents name it as a district. */
  district?: boolean;
}

export interface Place {
  lon: number;
  lat: number;
  oktmo: string;
  town: Town;
  municipality: MunicipalityInfo;
}

interface SettlementProperties {
  name: string;
  population: number | null;
  oktmo: string;
  feature_code?: string;
}

interface MunicipalityPlan {
  info: MunicipalityInfo;
  towns: Town[];
  townTable: WeightedTable<Town> | null;
  /** Share of points spread over the whole territory rather than around a listed town. */
  spreadShare: number;
  radiusKm: number;
}

/** Reads the gazetteer of towns (GeoNames, ≥ 500 inhabitants) copied into public/geo. */
export function loadTowns(file = SETTLEMENTS_FILE): Town[] {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: SettlementProperties; geometry: { coordinates: [number, number] } }[];
  };
  return collection.features.map(({ properties: p, geometry }) => ({
    label: p.name,
    population: p.population ?? 500,
    oktmo: p.oktmo,
    lon: geometry.coordinates[0],
    lat: geometry.coordinates[1],
    district: p.feature_code === 'PPLX',
  }));
}

const M_PER_DEG_LAT = 111_320;

/** Jitter around a town grows with its size: a village is a few hundred metres across, a city several km. */
export function jitterSigmaMetres(population: number): number {
  return 300 + 1200 * Math.min(1, Math.sqrt(population / 250_000));
}

export interface Placer {
  readonly towns: readonly Town[];
  /** A point drawn by population: municipality, then a town in it (or anywhere in its territory). */
  randomPlace(rng: Rng): Place;
  /** A point a gaussian distance around a town, inside the town's municipality. */
  nearTown(town: Town, rng: Rng, sigmaMetres?: number): Place;
  /** A point uniformly within `radiusMetres` of `centre`, inside its municipality (the centre itself if not). */
  around(centre: Place, radiusMetres: number, rng: Rng): Place;
  /** A town for a local incident: larger towns are likelier, villages below 3,000 are skipped. */
  incidentTown(rng: Rng): Town;
}

export function createPlacer(
  municipalities: readonly MunicipalityInfo[],
  gazetteer: readonly Town[],
  locator: MunicipalityLocator,
): Placer {
  const byOktmo = new Map(municipalities.map((m) => [m.oktmo, m]));
  const townsOf = new Map<string, Town[]>();
  for (const raw of gazetteer) {
    // The locator is the authority used at intake: re-tag each town with its answer, drop towns it puts outside.
    const oktmo = locator.locate(raw.lon, raw.lat);
    const info = oktmo ? byOktmo.get(oktmo) : undefined;
    if (!oktmo || !info) continue;
    const town: Town = {
      ...raw,
      oktmo,
      label: raw.district ? `${info.adminCenter}, мкр ${raw.label}` : raw.label,
    };
    townsOf.set(oktmo, [...(townsOf.get(oktmo) ?? []), town]);
  }

  const plans = new Map<string, MunicipalityPlan>();
  for (const info of municipalities) {
    let towns = townsOf.get(info.oktmo) ?? [];
    if (towns.length === 0 && locator.locate(info.centerLon, info.centerLat) === info.oktmo) {
      // ЗАТО and Котельники are missing from the gazetteer: their administrative centre stands in.
      towns = [
        {
          label: info.adminCenter,
          population: info.population,
          oktmo: info.oktmo,
          lon: info.centerLon,
          lat: info.centerLat,
        },
      ];
    }
    const covered = towns.reduce((sum, t) => sum + t.population, 0) / Math.max(1, info.population);
    plans.set(info.oktmo, {
      info,
      towns,
      townTable: towns.length > 0 ? weightedTable(towns.map((t) => [t, t.population] as const)) : null,
      spreadShare: Math.min(0.5, Math.max(0.1, 1 - covered)),
      radiusKm: Math.sqrt(Math.max(1, info.areaKm2) / Math.PI),
    });
  }
  const usable = [...plans.values()].filter((p) => p.towns.length > 0);
  if (usable.length === 0) throw new Error('createPlacer(): no town falls inside the given municipalities');
  const municipalityTable = weightedTable(usable.map((p) => [p, p.info.population] as const));
  const allTowns = usable.flatMap((p) => p.towns);
  const incidentTable = weightedTable(
    allTowns.filter((t) => t.population >= 3000).map((t) => [t, Math.sqrt(t.population)] as const),
  );

  // Rounded to 1e-6° (≈ 0.1 m) before the locator sees it: the stored point is exactly the checked one.
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const offset = (lon: number, lat: number, dxMetres: number, dyMetres: number): [number, number] => [
    round(lon + dxMetres / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180))),
    round(lat + dyMetres / M_PER_DEG_LAT),
  ];

  const placeAt = (lon: number, lat: number, town: Town): Place => ({
    lon,
    lat,
    oktmo: town.oktmo,
    town,
    municipality: plans.get(town.oktmo)!.info,
  });

  const nearTown = (town: Town, rng: Rng, sigmaMetres = jitterSigmaMetres(town.population)): Place => {
    let sigma = sigmaMetres;
    for (let attempt = 0; attempt < 24; attempt++) {
      // A town at a border or a river bank: shrink the spread until the point stays in its municipality.
      if (attempt > 0 && attempt % 8 === 0) sigma /= 2;
      const [lon, lat] = offset(town.lon, town.lat, rng.gaussian() * sigma, rng.gaussian() * sigma);
      if (locator.locate(lon, lat) === town.oktmo) return placeAt(lon, lat, town);
    }
    return placeAt(town.lon, town.lat, town);
  };

  const nearestTown = (plan: MunicipalityPlan, lon: number, lat: number): Town => {
    let best = plan.towns[0]!;
    let bestD = Infinity;
    for (const t of plan.towns) {
      const d = (t.lon - lon) ** 2 + ((t.lat - lat) * 1.8) ** 2;
      if (d < bestD) {
        bestD = d;
        best = t;
      }
    }
    return best;
  };

  const spread = (plan: MunicipalityPlan, rng: Rng): Place | null => {
    const { info } = plan;
    for (let attempt = 0; attempt < 20; attempt++) {
      // Uniform in a disc of the municipality's equivalent radius; the locator trims it to the real shape.
      const r = plan.radiusKm * 1000 * Math.sqrt(rng.next());
      const angle = rng.uniform(0, 2 * Math.PI);
      const [lon, lat] = offset(info.centerLon, info.centerLat, r * Math.cos(angle), r * Math.sin(angle));
      if (locator.locate(lon, lat) === info.oktmo) return placeAt(lon, lat, nearestTown(plan, lon, lat));
    }
    return null;
  };

  return {
    towns: allTowns,
    randomPlace(rng) {
      const plan = municipalityTable.draw(rng);
      if (rng.chance(plan.spreadShare)) {
        const place = spread(plan, rng);
        if (place) return place;
      }
      return nearTown(plan.townTable!.draw(rng), rng);
    },
    nearTown,
    around(centre, radiusMetres, rng) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const r = radiusMetres * Math.sqrt(rng.next());
        const angle = rng.next() * 2 * Math.PI;
        const [lon, lat] = offset(centre.lon, centre.lat, r * Math.cos(angle), r * Math.sin(angle));
        if (locator.locate(lon, lat) === centre.oktmo) return placeAt(lon, lat, centre.town);
      }
      return centre;
    },
    incidentTown: (rng) => incidentTable.draw(rng),
  };
}
