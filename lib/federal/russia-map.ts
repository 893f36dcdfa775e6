import { readFileSync } from 'node:fs';
import { geoArea, geoConicEqualArea, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { REGIONS_FILE, type RegionProps } from './region-directory';

/** Drawing units of the map's SVG; the SVG scales to its box (the aspect is Russia's in this projection). */
export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 560;
const PAD = 8;

export interface MapRegionShape {
  code: string;
  /** SVG path in drawing units, 1 decimal. */
  d: string;
  /** A point to hang a label on: the centroid of the region's largest part. */
  label: [number, number];
}

export interface RussiaMap {
  width: number;
  height: number;
  regions: MapRegionShape[];
}

/**
 * An equal-area conic centred on 100° E with standard parallels 52° and 64°: areas compare truthfully, the
 * north is not inflated as in Web Mercator, and Chukotka, which crosses the antimeridian, stays in one piece
 * (the cut falls at 80° W, in the Americas).
 */
export function russiaProjection(collection: FeatureCollection) {
  return geoConicEqualArea()
    .rotate([-100, 0])
    .parallels([52, 64])
    .fitExtent(
      [
        [PAD, PAD],
        [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
      ],
      collection,
    );
}

let cached: RussiaMap | null = null;
let projection: ReturnType<typeof russiaProjection> | null = null;

/**
 * d3-geo reads rings on the sphere clockwise; GeoJSON (RFC 7946) winds them the other way, which d3 takes as
 * "the whole globe but this region". A feature whose spherical area exceeds a hemisphere is rewound.
 */
function rewound<T extends Feature<Polygon | MultiPolygon, RegionProps>>(feature: T): T {
  if (geoArea(feature) <= 2 * Math.PI) return feature;
  const reverse = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());
  const geometry: Polygon | MultiPolygon =
    feature.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: reverse(feature.geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: feature.geometry.coordinates.map(reverse) };
  return { ...feature, geometry };
}

function regionCollection(): FeatureCollection<Polygon | MultiPolygon, RegionProps> {
  const raw = JSON.parse(readFileSync(REGIONS_FILE, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    RegionProps
  >;
  return { ...raw, features: raw.features.map(rewound) };
}

function projectionOnce(collection = regionCollection()) {
  projection ??= russiaProjection(collection);
  return projection;
}

/** The 85 regions as SVG paths, computed once per process on the server and sent with the page. */
export function russiaMap(): RussiaMap {
  if (cached) return cached;
  const collection = regionCollection();
  const path = geoPath(projectionOnce(collection)).digits(1);
  const regions = collection.features.map((f) => {
    const parts: Polygon[] =
      f.geometry.type === 'Polygon'
        ? [f.geometry]
        : f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    const largest = parts.reduce((a, b) => (path.area(b) > path.area(a) ? b : a));
    const [x, y] = path.centroid(largest);
    return { code: f.properties.iso, d: path(f) ?? '', label: [round(x), round(y)] as [number, number] };
  });
  cached = { width: MAP_WIDTH, height: MAP_HEIGHT, regions };
  return cached;
}

/** Projects capitals (lon, lat) to drawing units with the same projection. */
export function projectPoints(
  points: { code: string; lon: number; lat: number }[],
): Record<string, [number, number]> {
  const project = projectionOnce();
  const out: Record<string, [number, number]> = {};
  for (const p of points) {
    const xy = project([p.lon, p.lat]);
    if (xy) out[p.code] = [round(xy[0]), round(xy[1])];
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;
