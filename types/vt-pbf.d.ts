// Only what tests/helpers/pmtiles-archive.ts uses: encode geojson-vt tiles as one MVT buffer.
declare module 'vt-pbf' {
  const vtpbf: {
    fromGeojsonVt(
      layers: Record<string, unknown>,
      options?: { version?: number; extent?: number },
    ): Uint8Array;
  };
  export default vtpbf;
}
