/**
 * A small PMTiles v3 archive built from our own GeoJSON (public/geo roads and water) for the base-map tests:
 * geojson-vt cuts the tiles, vt-pbf encodes them as MVT in the Protomaps schema's layer names (`roads` with
 * `kind`, `water`), and the writer below lays out header, root directory, metadata and tile data as the
 * spec says (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md). No compression, one directory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';
import type { FeatureCollection } from 'geojson';

const HEADER_BYTES = 127;
const BOX = { west: 35.15, south: 54.26, east: 40.21, north: 56.96 };
/** OpenMapTiles class → Protomaps `kind` (roads layer). */
const KIND: Record<string, string> = { motorway: 'highway', trunk: 'major_road', primary: 'major_road' };

function geo(file: string): FeatureCollection {
  return JSON.parse(
    readFileSync(path.join(process.cwd(), 'public', 'geo', file), 'utf8'),
  ) as FeatureCollection;
}

function varint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
}

function directory(entries: Entry[]): Buffer {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (let i = 0; i < entries.length; i++) varint(out, 1); // run length
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Buffer.from(out);
}

function tileRange(z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(BOX.west), x1: x(BOX.east), y0: y(BOX.north), y1: y(BOX.south) };
}

export interface BuiltArchive {
  file: string;
  /** The MVT bytes stored for each `z/x/y`, to compare what is read back. */
  tiles: Map<string, Buffer>;
}

/** Writes the archive for zooms `minZoom`–`maxZoom` to `file`. */
export function buildPmtiles(file: string, minZoom = 5, maxZoom = 8): BuiltArchive {
  const roadsGeo = geo('mo_roads_main.geojson');
  const roads: FeatureCollection = {
    type: 'FeatureCollection',
    features: roadsGeo.features.map((f) => ({
      ...f,
      properties: {
        kind: KIND[String(f.properties?.class)] ?? 'major_road',
        kind_detail: f.properties?.class,
      },
    })),
  };
  const water: FeatureCollection = {
    type: 'FeatureCollection',
    features: geo('mo_water_areas.geojson').features.map((f) => ({ ...f, properties: { kind: 'water' } })),
  };
  const options = { maxZoom, indexMaxZoom: maxZoom, buffer: 64, extent: 4096 };
  const roadIndex = geojsonvt(roads, options);
  const waterIndex = geojsonvt(water, options);

  const found: { tileId: number; key: string; data: Buffer }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const layers: Record<string, unknown> = {};
        const r = roadIndex.getTile(z, x, y);
        const w = waterIndex.getTile(z, x, y);
        if (r) layers.roads = r;
        if (w) layers.water = w;
        if (Object.keys(layers).length === 0) continue;
        const data = Buffer.from(vtpbf.fromGeojsonVt(layers, { version: 2 }));
        found.push({ tileId: zxyToTileId(z, x, y), key: `${z}/${x}/${y}`, data });
      }
  }
  found.sort((a, b) => a.tileId - b.tileId);

  const entries: Entry[] = [];
  let offset = 0;
  for (const t of found) {
    entries.push({ tileId: t.tileId, offset, length: t.data.length });
    offset += t.data.length;
  }
  const root = directory(entries);
  const metadata = Buffer.from(
    JSON.stringify({
      name: 'cur-wall test base map',
      attribution: '© участники OpenStreetMap (ODbL) · © OpenMapTiles',
      vector_layers: [
        { id: 'roads', fields: { kind: 'String', kind_detail: 'String' } },
        { id: 'water', fields: { kind: 'String' } },
      ],
    }),
  );
  const tileData = Buffer.concat(found.map((t) => t.data));

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + metadata.length;
  const u64 = (at: number, n: number) => header.writeBigUInt64LE(BigInt(n), at);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, metadata.length);
  u64(40, dataOffset); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, found.length);
  u64(80, found.length);
  u64(88, found.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // MVT
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (at: number, deg: number) => header.writeInt32LE(Math.round(deg * 1e7), at);
  e7(102, BOX.west);
  e7(106, BOX.south);
  e7(110, BOX.east);
  e7(114, BOX.north);
  header.writeUInt8(minZoom, 118);
  e7(119, (BOX.west + BOX.east) / 2);
  e7(123, (BOX.south + BOX.north) / 2);

  writeFileSync(file, Buffer.concat([header, root, metadata, tileData]));
  return { file, tiles: new Map(found.map((t) => [t.key, t.data])) };
}
