import { readFileSync } from 'node:fs';
import path from 'node:path';
import Flatbush from 'flatbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export type BoundaryFeature = Feature<Polygon | MultiPolygon, { oktmo: string }>;

/** Finds the municipality (OKTMO) a point falls in. */
export interface MunicipalityLocator {
  /** OKTMO of the municipality containing the point, or null outside Moscow Oblast (incl. the City of Moscow). */
  locate(lon: number, lat: number): string | null;
}

/** The detailed boundaries: the lite file's 1e-4° rounding misplaces points near borders. */
export const BOUNDARIES_FILE = path.join(process.cwd(), 'public', 'geo', 'mo_municipalities.geojson');

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return [minX, minY, maxX, maxY];
}

export function createMunicipalityLocator(features: BoundaryFeature[]): MunicipalityLocator {
  // A bbox index first: only the 1–3 candidates whose boxes hold the point get the exact test.
  const index = new Flatbush(Math.max(features.length, 1));
  for (const feature of features) index.add(...bboxOf(feature.geometry));
  index.finish();
  return {
    locate(lon, lat) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
      for (const i of index.search(lon, lat, lon, lat)) {
        const feature = features[i];
        if (feature && booleanPointInPolygon([lon, lat], feature)) return feature.properties.oktmo;
      }
      return null;
    },
  };
}

export function readBoundaryFeatures(file = BOUNDARIES_FILE): BoundaryFeature[] {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { oktmo: string }
  >;
  return collection.features;
}

export function loadMunicipalityLocator(file = BOUNDARIES_FILE): MunicipalityLocator {
  return createMunicipalityLocator(readBoundaryFeatures(file));
}
