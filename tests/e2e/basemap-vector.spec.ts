import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildPmtiles } from '../helpers/pmtiles-archive';
import { identityOf } from './support/identity';

/**
 * The street-level base map option end to end: a PMTiles archive built from our own GeoJSON (roads as
 * Protomaps `roads`, water), a second server started with BASEMAP_PMTILES pointing at it, and the drill-down
 * reading it through the `pmtiles` protocol in byte ranges and drawing its roads. The shared e2e server has no
 * archive, so this spec runs its own (an empty in-memory database: only the base map is looked at).
 */

const PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const ARTIFACTS = path.join('tests', 'artifacts', 'basemap');
const SERGIEV_POSAD = '46728000000';

let dir = '';
let server: ChildProcess | null = null;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'e2e-vector-'));
  const archive = buildPmtiles(path.join(dir, 'mo.pmtiles'), 5, 12).file;
  server = spawn('npx', ['tsx', 'server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      PGLITE_DIR: 'memory://',
      SIMULATOR: 'off',
      BASEMAP_PMTILES: archive,
      BOOTSTRAP_IDENTITIES_FILE: 'tests/e2e/identities.json',
      BOOTSTRAP_SECRETS_FILE: path.join(dir, 'identities.json'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the vector base-map server did not start')), 150_000);
    // The start-up's last line (JSON when not on a terminal); "database ready" comes long before it.
    server!.stdout!.on('data', (chunk: Buffer) => {
      if (/"msg":"ready"/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

test.afterAll(() => {
  // The whole process group: npx, tsx and node.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('the drill-down draws the PMTiles roads and water, read in byte ranges', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const { session } = identityOf('operator', path.join(dir, 'identities.json'));
  await context.addCookies([{ name: 'cur_session', value: session!, url: BASE }]);
  const page = await context.newPage();
  const ranges: number[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/api/v1/basemap') && r.request().method() === 'GET') ranges.push(r.status());
  });
  await page.goto(`${BASE}/m/${SERGIEV_POSAD}?at=38.13,56.31,9.5`);
  await expect(page.getByTestId('drill-map')).toHaveAttribute('data-ready', 'true', { timeout: 90_000 });
  await expect.poll(() => page.evaluate(() => Boolean(window.__curBasemapProbe))).toBe(true);
  // Protomaps' layers from the archive, not the GeoJSON roads.
  await expect
    .poll(() => page.evaluate(() => window.__curBasemapProbe!.rendered(['roads_highway', 'roads_major'])))
    .toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__curBasemapProbe!.rendered(['water']))).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.__curBasemapProbe!.layers())).not.toContain(
    'basemap-road-motorway',
  );
  expect(ranges.length).toBeGreaterThan(1);
  expect(ranges.every((s) => s === 206)).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'drill-vector-1080.png') });
  await context.close();
});
