/**
 * A pool of places complaints come from: points jittered around every municipality's centre, as many per
 * municipality as its population share (so a uniform pick from the pool is population-weighted), each checked
 * with the app's own point-in-polygon locator so that every point we send is one the app accepts.
 */
import { cellToParent, latLngToCell } from 'h3-js';
import { loadMunicipalityLocator } from '../../lib/geo/municipality-locator';
import { readMunicipalitiesCsv } from '../../lib/reference/municipalities-csv';
import { createRng } from '../../lib/simulator/random';

export interface Municipality {
  oktmo: string;
  town: string;
  population: number;
  lat: number;
  lon: number;
  areaKm2: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
  /** The municipality the app's locator puts the point in (not necessarily the one it was drawn around). */
  oktmo: string;
  town: string;
  h3Fine: string;
  h3Coarse: string;
}

export interface PointPool {
  points: GeoPoint[];
  municipalities: Municipality[];
  /** Drawn points the locator placed outside Moscow Oblast (dropped before anything is sent). */
  droppedOutside: number;
}

/** The municipality table from the project's CSV copy, through the simulator's reader. */
export function readMunicipalities(): Municipality[] {
  return readMunicipalitiesCsv().map((m) => ({
    oktmo: m.oktmo,
    town: m.adminCenter || m.shortName,
    population: m.population,
    lat: m.centerLat,
    lon: m.centerLon,
    areaKm2: m.areaKm2,
  }));
}

/** The simulator's mulberry32: reproducible draws, so two runs send the same complaints. */
export function seededRandom(seed: number): () => number {
  const rng = createRng(seed);
  return () => rng.next();
}

function gaussian(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function buildPointPool(size: number, seed = 1): PointPool {
  const municipalities = readMunicipalities();
  const locator = loadMunicipalityLocator();
  const rnd = seededRandom(seed);
  const total = municipalities.reduce((s, m) => s + m.population, 0);
  const townOf = new Map(municipalities.map((m) => [m.oktmo, m.town]));
  const points: GeoPoint[] = [];
  let droppedOutside = 0;
  for (const m of municipalities) {
    // At least a few points each: the mix must cover all 57 municipalities, even the smallest ZATO.
    const want = Math.max(4, Math.round((size * m.population) / total));
    // Settlement spread: a few km around the centre, wider for large rural districts.
    const sigmaKm = Math.min(8, Math.max(0.7, Math.sqrt(m.areaKm2) / 8));
    let got = 0;
    for (let attempt = 0; got < want && attempt < want * 20; attempt++) {
      const lat = round6(m.lat + (gaussian(rnd) * sigmaKm) / 111.2);
      const lon = round6(m.lon + (gaussian(rnd) * sigmaKm) / (111.2 * Math.cos((m.lat * Math.PI) / 180)));
      const oktmo = locator.locate(lon, lat);
      if (!oktmo) {
        droppedOutside++;
        continue;
      }
      const fine = latLngToCell(lat, lon, 8);
      points.push({
        lat,
        lon,
        oktmo,
        town: townOf.get(oktmo) ?? m.town,
        h3Fine: fine,
        h3Coarse: cellToParent(fine, 6),
      });
      got++;
    }
  }
  return { points, municipalities, droppedOutside };
}
