import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { GET } from '@/app/api/v1/basemap/route';
import { ConfigError, loadConfig } from '@/lib/config';
import { authedRequest } from '../helpers/identities';
import { buildPmtiles, type BuiltArchive } from '../helpers/pmtiles-archive';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const URL_ = 'http://test.local/api/v1/basemap';

let app: TestApp;
let dir: string;
let archive: BuiltArchive;

async function get(headers: Record<string, string> = {}, role: 'admin' | 'executor' = 'admin') {
  // An executor sees only its own complaints, never a wall.
  const scopes = role === 'executor' ? [[...app.ctx.reference.executors.keys()][0]!] : [];
  return GET(await authedRequest(URL_, { headers }, role, scopes));
}

/** A pmtiles Source that reads through the route, as the browser's FetchSource does over HTTP. */
class RouteSource implements Source {
  getKey = () => URL_;
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const res = await get({ range: `bytes=${offset}-${offset + length - 1}` });
    expect(res.status).toBe(206);
    return { data: await res.arrayBuffer() };
  }
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'basemap-'));
  archive = buildPmtiles(path.join(dir, 'mo.pmtiles'));
  process.env.BASEMAP_PMTILES = archive.file;
});
afterAll(async () => {
  delete process.env.BASEMAP_PMTILES;
  rmSync(dir, { recursive: true, force: true });
  await app.close();
});

describe('GET /api/v1/basemap', () => {
  it('serves byte ranges: 206 with Content-Range, and the whole file without Range', async () => {
    const part = await get({ range: 'bytes=0-6' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toMatch(/^bytes 0-6\/\d+$/);
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('PMTiles');
    const whole = await get();
    expect(whole.status).toBe(200);
    const size = Number(part.headers.get('content-range')!.split('/')[1]);
    expect((await whole.arrayBuffer()).byteLength).toBe(size);
    const tail = await get({ range: 'bytes=-10' });
    expect(tail.headers.get('content-range')).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
  });

  it('reads back, through the pmtiles reader, the tiles the archive was built with', async () => {
    const reader = new PMTiles(new RouteSource());
    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect([header.minZoom, header.maxZoom]).toEqual([5, 8]);
    const metadata = (await reader.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['roads', 'water']);
    expect(archive.tiles.size).toBeGreaterThan(10);
    for (const [key, bytes] of [...archive.tiles].filter((_, i) => i % 5 === 0)) {
      const [z, x, y] = key.split('/').map(Number) as [number, number, number];
      const tile = await reader.getZxy(z, x, y);
      expect(Buffer.from(tile!.data).equals(bytes), key).toBe(true);
    }
    // Outside the oblast there is no tile: the reader says so instead of failing.
    expect(await reader.getZxy(8, 0, 0)).toBeUndefined();
  });

  it('answers a range outside the file with 416 and the JSON error body', async () => {
    for (const range of ['bytes=99999999-', 'bytes=9-3', 'lines=1-2']) {
      const res = await get({ range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toMatch(/^bytes \*\/\d+$/);
      const body = (await res.json()) as { error: { code: string; errors: { field: string }[] } };
      expect(body.error.code).toBe('range_not_satisfiable');
      expect(body.error.errors[0]!.field).toBe('range');
    }
  });

  it('refuses those who may not see a wall', async () => {
    const anonymous = await GET(new Request(URL_, { headers: { range: 'bytes=0-6' } }));
    expect(anonymous.status).toBe(401);
    expect((await get({ range: 'bytes=0-6' }, 'executor')).status).toBe(403);
  });

  it('says whether there is an archive, as the maps ask before choosing their base map', async () => {
    const yes = await GET(await authedRequest(`${URL_}?available`));
    expect(yes.status).toBe(200);
    expect(await yes.json()).toEqual({ available: true, bytes: expect.any(Number) });
    const kept = process.env.BASEMAP_PMTILES;
    try {
      delete process.env.BASEMAP_PMTILES;
      const no = await GET(await authedRequest(`${URL_}?available`));
      expect(await no.json()).toEqual({ available: false, bytes: null });
    } finally {
      process.env.BASEMAP_PMTILES = kept;
    }
  });

  it('answers 404 JSON when the deployment has no archive', async () => {
    const kept = process.env.BASEMAP_PMTILES;
    try {
      delete process.env.BASEMAP_PMTILES;
      const res = await get({ range: 'bytes=0-6' });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
      process.env.BASEMAP_PMTILES = path.join(dir, 'gone.pmtiles');
      expect((await get()).status).toBe(404);
    } finally {
      process.env.BASEMAP_PMTILES = kept;
    }
  });
});

describe('BASEMAP_PMTILES at start', () => {
  it('takes a PMTiles v3 archive and stops the start on anything else, naming why', () => {
    expect(loadConfig({ BASEMAP_PMTILES: archive.file }, []).BASEMAP_PMTILES).toBe(archive.file);
    expect(loadConfig({}, []).BASEMAP_PMTILES).toBeUndefined();
    const notTiles = path.join(dir, 'notes.pmtiles');
    writeFileSync(notTiles, 'x'.repeat(200));
    expect(() => loadConfig({ BASEMAP_PMTILES: notTiles }, [])).toThrow(/not a PMTiles archive/);
    expect(() => loadConfig({ BASEMAP_PMTILES: path.join(dir, 'missing.pmtiles') }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ BASEMAP_PMTILES: path.join(dir, 'roads.geojson') }, [])).toThrow(/\.pmtiles/);
  });
});
