/**
 * Which municipality holds a point, in the browser: ray casting over the same GeoJSON the map draws, so a click
 * goes to the polygon the user sees (holes and multi-part округа included), with no GPU read-back.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export type Bounds = [west: number, south: number, east: number, north: number];

function inRing(ring: Position[], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Outer ring in, no hole in. */
function inPolygon(rings: Position[][], lon: number, lat: number): boolean {
  if (rings.length === 0 || !inRing(rings[0]!, lon, lat)) return false;
  for (let h = 1; h < rings.length; h++) if (inRing(rings[h]!, lon, lat)) return false;
  return true;
}

function polygonsOf(feature: Feature): Position[][][] {
  const g = feature.geometry as Polygon | MultiPolygon | null;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

export function boundsOf(feature: Feature): Bounds {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const polygon of polygonsOf(feature))
    for (const [lon, lat] of polygon[0] ?? []) {
      w = Math.min(w, lon!);
      e = Math.max(e, lon!);
      s = Math.min(s, lat!);
      n = Math.max(n, lat!);
    }
  return [w, s, e, n];
}

export function featureContains(feature: Feature, lon: number, lat: number): boolean {
  return polygonsOf(feature).some((rings) => inPolygon(rings, lon, lat));
}

/** A finder over one collection: bounding boxes are computed once, so a mousemove costs a few tests. */
export function municipalityFinder(municipalities: FeatureCollection) {
  const entries = municipalities.features.map((f) => ({
    oktmo: String(f.properties?.oktmo ?? ''),
    feature: f,
    bounds: boundsOf(f),
  }));
  return (lon: number, lat: number): string | null => {
    for (const {
      oktmo,
      feature,
      bounds: [w, s, e, n],
    } of entries) {
      if (lon < w || lon > e || lat < s || lat > n) continue;
      if (featureContains(feature, lon, lat)) return oktmo;
    }
    return null;
  };
}

export function municipalityFeature(municipalities: FeatureCollection, oktmo: string): Feature | null {
  return municipalities.features.find((f) => String(f.properties?.oktmo ?? '') === oktmo) ?? null;
}
