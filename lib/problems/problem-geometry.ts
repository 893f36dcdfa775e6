import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell } from 'h3-js';

/** Problems are indexed by the same coarse cell as complaints (resolution 6, ≈ 36 km²). */
export const PROBLEM_H3_RESOLUTION = 6;

/**
 * Largest duplicate radius the cell filter (a complaint's resolution-6 cell and its first ring) may serve. A
 * point anywhere in Moscow Oblast is at least 3.65 km from the outside of its cell's first ring (measured over
 * 20,000 random points and bearings), so 3 km leaves a margin; wider categories (an air smell, a portal
 * failure) are looked up by category and time alone: they have few problems at any time.
 */
export const CELL_FILTER_MAX_RADIUS_M = 3000;

export function coarseCellOf(lat: number, lon: number): string {
  return latLngToCell(lat, lon, PROBLEM_H3_RESOLUTION);
}

export function usesCellFilter(radiusM: number): boolean {
  return radiusM <= CELL_FILTER_MAX_RADIUS_M;
}

/** H3's authalic Earth radius, so distances agree with h3-js's `greatCircleDistance`. */
const EARTH_RADIUS_M = 6_371_007.180918475;
const RAD = Math.PI / 180;

/**
 * Great-circle (haversine) distance in metres. Plain JS: the matcher calls it thousands of times a batch, and
 * h3-js's version crosses into WebAssembly with two allocations per call.
 */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const sinLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sinLat * sinLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinLon * sinLon;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface CellDisc {
  lat: number;
  lon: number;
  /** Covers every point of the cell: its farthest vertex (cell edges are great-circle arcs), plus a margin. */
  radiusM: number;
}

// Moscow Oblast has ≈ 1,300 cells at resolution 6; the cap only guards against coordinates from elsewhere.
const MAX_CACHED_DISCS = 20_000;
const discs = new Map<string, CellDisc>();

function discOf(cell: string): CellDisc {
  let disc = discs.get(cell);
  if (disc) return disc;
  const [lat, lon] = cellToLatLng(cell);
  let far = 0;
  for (const [vLat, vLon] of cellToBoundary(cell)) far = Math.max(far, distanceM(lat, lon, vLat!, vLon!));
  disc = { lat, lon, radiusM: far * 1.01 + 10 };
  if (discs.size >= MAX_CACHED_DISCS) discs.clear();
  discs.set(cell, disc);
  return disc;
}

/**
 * The cells of the first ring around `home` (the cell of the point) that may hold a problem anchored within
 * `radiusM` of the point: a neighbour whose covering disc is farther than the radius cannot. For the usual
 * radii (100–300 m) that is one to three cells instead of seven, which keeps the join's lookup small.
 */
export function candidateCells(home: string, lat: number, lon: number, radiusM: number): string[] {
  return gridDisk(home, 1).filter((cell) => {
    if (cell === home) return true;
    const disc = discOf(cell);
    return distanceM(lat, lon, disc.lat, disc.lon) - disc.radiusM <= radiusM;
  });
}
