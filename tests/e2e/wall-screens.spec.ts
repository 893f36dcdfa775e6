import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signInAs } from './support/identity';

/**
 * The screen registry's new kinds on a wall of their own: a layout is read once at start, so this spec starts a
 * second server from the same production build with its own WALL_CONFIG_FILE (an empty in-memory database and
 * no simulator: the screens must render and run without data and without a keyboard).
 */

const LAYOUT = {
  rows: 2,
  cols: 2,
  staleAfterSeconds: 60,
  screens: [
    { id: 'russia', row: 1, col: 1, panel: { kind: 'federal' } },
    { id: 'queue', row: 1, col: 2, panel: 'triage' },
    { id: 'briefing', row: 2, col: 1, panel: { kind: 'briefing', secondsPerSlide: 5 } },
    {
      id: 'balashikha',
      row: 2,
      col: 2,
      panel: { kind: 'municipality', oktmo: '46704000000', block: 'housing' },
    },
  ],
};

let server: ChildProcess | undefined;
let dir: string | undefined;
let baseURL = '';
let secretsFile = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(tmpdir(), 'wall-screens-'));
  const file = path.join(dir, 'wall.json');
  writeFileSync(file, JSON.stringify(LAYOUT));
  secretsFile = path.join(dir, 'identities.secrets.json');
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  // tsx itself, not npx: SIGTERM must reach the server for it to close PGlite and Socket.IO.
  // A developer's DATABASE_URL would win over PGLITE_DIR and seed their database.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  server = spawn(path.join('node_modules', '.bin', 'tsx'), ['server.ts'], {
    env: {
      ...env,
      NODE_ENV: 'production',
      PORT: String(port),
      PGLITE_DIR: 'memory://',
      SIMULATOR: 'off',
      WALL_CONFIG_FILE: file,
      // The same seeded users as the main e2e server, their secrets kept apart.
      BOOTSTRAP_IDENTITIES_FILE: path.join('tests', 'e2e', 'identities.json'),
      BOOTSTRAP_SECRETS_FILE: secretsFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`second server not ready in time:\n${log}`)), 150_000);
    server!.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server!.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('"msg":"ready"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`second server exited with ${code}:\n${log}`));
    });
  });
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test.beforeEach(async ({ context }) => {
  await signInAs(context, 'operator', baseURL, secretsFile);
});

test('each new kind renders at its own /wall/s/<id>, and the briefing advances by itself', async ({
  page,
}) => {
  await page.goto(`${baseURL}/wall/s/russia`);
  await expect(page.getByTestId('federal-screen')).toBeVisible();
  await expect(page.getByTestId('region-shape')).toHaveCount(85);

  await page.goto(`${baseURL}/wall/s/queue`);
  await expect(page.getByTestId('triage-screen')).toBeVisible();

  await page.goto(`${baseURL}/wall/s/balashikha`);
  await expect(page.getByTestId('drill-title')).toContainText('Балашиха');
  await expect(page.getByTestId('drill-subtitle')).toContainText('ЖКХ');

  await page.goto(`${baseURL}/wall/s/briefing`);
  const deck = page.getByTestId('briefing-deck');
  await expect(deck).toHaveAttribute('data-briefing-ready', 'true');
  await expect(deck).toHaveAttribute('data-auto', 'true');
  await expect(deck).toHaveAttribute('data-slide-index', '0');
  // Five seconds a slide, no key pressed.
  await expect(deck).toHaveAttribute('data-slide-index', '1', { timeout: 12_000 });

  const missing = await page.goto(`${baseURL}/wall/s/r1c1`);
  expect(missing?.status()).toBe(404);
});

test('the grid lays out the whole custom wall with each screen labelled by its kind', async ({ page }) => {
  await page.goto(`${baseURL}/wall/grid`);
  const screens = page.getByTestId('grid-screen');
  await expect(screens).toHaveCount(4);
  await expect(screens.locator('figcaption')).toHaveText([
    'russia · Сеть ЦУР России',
    'queue · Очередь оператора',
    'briefing · Брифинг губернатора · последняя неделя · автопоказ 5 с',
    'balashikha · Балашиха — ЖКХ',
  ]);
  const kinds = await screens.evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
  expect(kinds).toEqual(['federal', 'triage', 'briefing', 'municipality']);
});
