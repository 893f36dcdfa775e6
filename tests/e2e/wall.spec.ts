import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Locator } from '@playwright/test';
import { bearer, signedInAs } from './support/identity';

// Every page and API read of this file as an operator; writes send the operator's token.
test.use(signedInAs('operator'));

/**
 * Towns the seed spreads complaints over (short_name in the geo file), so the map has hexagons in several
 * places. Chosen away from the City of Moscow: every offset below stays inside its own municipality.
 */
const SEED_TOWNS = [
  'Балашиха',
  'Коломна',
  'Серпухов',
  'Сергиево-Посадский',
  'Раменский',
  'Богородский',
  'Клин',
  'Можайский',
];
/** ≈ 3 km around the town centre: neighbouring H3 cells rather than one stack under the town's label. */
const OFFSETS: [number, number][] = [
  [0, 0],
  [0.025, 0.04],
  [-0.025, 0.04],
  [0.025, -0.04],
  [-0.025, -0.04],
];
const CATEGORIES = [
  'housing.no-hot-water',
  'transport.pothole',
  'ecology.tko-overflow',
  'health.clinic-queue',
];
const BALASHIKHA = { lat: 55.796, lon: 37.938 };
const ARTIFACT = path.join('tests', 'artifacts', 'wall-after-post.png');

interface MunicipalityProps {
  short_name: string;
  center_lat: number;
  center_lon: number;
}

function townCentres(): Map<string, MunicipalityProps> {
  const file = path.join(process.cwd(), 'public', 'geo', 'mo_municipalities_lite.geojson');
  const geo = JSON.parse(readFileSync(file, 'utf8')) as { features: { properties: MunicipalityProps }[] };
  return new Map(geo.features.map((f) => [f.properties.short_name, f.properties]));
}

function complaint(externalId: string, lat: number, lon: number, category: string) {
  return {
    source: 'dobrodel',
    externalId,
    receivedAt: new Date().toISOString(),
    text: 'Проверка стены: нет горячей воды в доме',
    lat,
    lon,
    category,
  };
}

async function seedComplaints(request: APIRequestContext, runId: string): Promise<number> {
  const centres = townCentres();
  const complaints = SEED_TOWNS.flatMap((town, t) => {
    const c = centres.get(town);
    if (!c) throw new Error(`${town} is not in the geo file`);
    // Some towns get extra complaints at the centre, so the cells differ in colour.
    const points = [...OFFSETS, ...Array.from({ length: t % 4 }, () => OFFSETS[0]!)];
    return points.map(([dLat, dLon], i) =>
      complaint(
        `e2e-wall-${runId}-${t}-${i}`,
        c.center_lat + dLat,
        c.center_lon + dLon,
        CATEGORIES[(t + i) % CATEGORIES.length]!,
      ),
    );
  });
  const res = await request.post('/api/v1/complaints', { headers: bearer('operator'), data: { complaints } });
  expect(res.status(), await res.text()).toBe(200);
  return complaints.length;
}

async function numberAttr(locator: Locator, name: string): Promise<number> {
  return Number(await locator.getAttribute(name));
}

test('a posted complaint changes the wall within seconds', async ({ page, request }) => {
  const runId = String(Date.now());
  const seeded = await seedComplaints(request, runId);

  await page.goto('/wall');
  const map = page.getByTestId('wall-map');
  const today = page.getByTestId('counter-today');
  await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 45_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'live');
  await expect.poll(() => numberAttr(today, 'data-value')).toBeGreaterThanOrEqual(seeded);
  await expect.poll(() => numberAttr(map, 'data-cells')).toBeGreaterThan(0);
  await expect(page.getByTestId('attribution')).toContainText('© участники OpenStreetMap (ODbL)');

  // The seed's own delta may still be on its way: start from a count that has settled.
  let before = await numberAttr(today, 'data-value');
  await expect
    .poll(async () => {
      await page.waitForTimeout(1_500);
      const now = await numberAttr(today, 'data-value');
      const settled = now === before;
      before = now;
      return settled;
    })
    .toBe(true);
  const versionBefore = await numberAttr(map, 'data-layer-version');

  const res = await request.post('/api/v1/complaints', {
    headers: bearer('operator'),
    data: complaint(`e2e-wall-${runId}-live`, BALASHIKHA.lat, BALASHIKHA.lon, 'housing.no-hot-water'),
  });
  expect(res.status(), await res.text()).toBe(200);

  await expect.poll(() => numberAttr(today, 'data-value'), { timeout: 5_000 }).toBe(before + 1);
  await expect
    .poll(() => numberAttr(map, 'data-layer-version'), { timeout: 5_000 })
    .toBeGreaterThan(versionBefore);
  await expect(page.getByTestId('arrivals-ticker')).toContainText('Балашиха');

  // Let the new hexagon and the arrival pulse draw before keeping the picture.
  await page.waitForTimeout(800);
  await page.screenshot({ path: ARTIFACT });
});
