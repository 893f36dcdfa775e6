// Only what tests/helpers/pmtiles-archive.ts uses: an index that cuts GeoJSON into vector tiles.
declare module 'geojson-vt' {
  import type { FeatureCollection } from 'geojson';
  interface TileIndex {
    getTile(z: number, x: number, y: number): object | null;
  }
  export default function geojsonvt(
    data: FeatureCollection,
    options?: { maxZoom?: number; indexMaxZoom?: number; buffer?: number; extent?: number },
  ): TileIndex;
}
