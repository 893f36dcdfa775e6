import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { bearer, signedInAs } from './support/identity';

// Every page and API read of this file as an operator; writes send the operator's token.
test.use(signedInAs('operator'));

/**
 * The municipality drill-down: reached by clicking a municipality on a block panel's map, on the region wall's
 * map and on a name in a panel's list; opened directly with a shared view; zoomed in to single complaints with
 * their tooltip; left with «← назад» and Escape. Screenshots at both wall sizes go to tests/artifacts/drill/.
 */

interface Reference {
  blocks: { code: string; name: string }[];
  municipalities: { code: string; shortName: string; center: { lat: number; lon: number } }[];
}

/** A large округ away from Moscow: its centre is well inside its border at the oblast's zoom. */
const TOWN = 'Сергиево-Посадский';
const PARTS = [
  'drill-map',
  'drill-counters',
  'drill-trend',
  'week-chart',
  'drill-hour-pattern',
  'drill-overdue',
  'top-categories',
  'drill-latest',
  'drill-back',
] as const;
const ARTIFACTS = path.join('tests', 'artifacts', 'drill');
const SIZES = [
  { label: '1080', width: 1920, height: 1080 },
  { label: '2160', width: 3840, height: 2160 },
] as const;

let oktmo = '';
let centre = { lat: 0, lon: 0 };
const runId = Date.now();

test.beforeAll(async ({ request }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const reference = (await (await request.get('/api/v1/reference')).json()) as Reference;
  const town = reference.municipalities.find((m) => m.shortName === TOWN)!;
  oktmo = town.code;
  centre = town.center;
  // A dozen open housing complaints around the town centre (≈ 1 km), through the real intake.
  const complaints = Array.from({ length: 12 }, (_, i) => ({
    source: 'dobrodel',
    externalId: `e2e-drill-${runId}-${i}`,
    receivedAt: new Date(Date.now() - (i + 1) * 45_000).toISOString(),
    text: `Проверка детализации: нет горячей воды, дом ${i + 1}, звонить Иванову +7 916 555-12-${10 + i}`,
    lat: centre.lat + 0.003 * ((i % 4) - 1.5),
    lon: centre.lon + 0.005 * ((Math.floor(i / 4) % 3) - 1),
    category: 'housing.no-hot-water',
  }));
  const res = await request.post('/api/v1/complaints', { headers: bearer('operator'), data: { complaints } });
  expect(res.status()).toBe(200);
});

async function mapReady(page: Page, testId: string) {
  await expect(page.getByTestId(testId)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

/** Every part present and nothing scrolled: the drill-down fits the screen. */
async function expectWholeDrill(page: Page) {
  for (const part of PARTS) await expect(page.getByTestId(part)).toBeVisible();
  await mapReady(page, 'drill-map');
  await expect(page.getByTestId('drill-title')).toHaveText(TOWN);
  const scroll = await page.evaluate(() => {
    const se = document.scrollingElement!;
    return { sw: se.scrollWidth, sh: se.scrollHeight, cw: se.clientWidth, ch: se.clientHeight };
  });
  expect(scroll.sh, 'vertical scrollbar').toBeLessThanOrEqual(scroll.ch);
  expect(scroll.sw, 'horizontal scrollbar').toBeLessThanOrEqual(scroll.cw);
}

async function clickMunicipalityOnMap(page: Page, code: string) {
  await expect.poll(() => page.evaluate(() => Boolean(window.__curMapProbe))).toBe(true);
  const point = await page.evaluate((c) => window.__curMapProbe!.centreOf(c), code);
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

test('a click on a municipality on the block panel map opens its drill-down of that block', async ({
  page,
}) => {
  await page.goto('/wall/housing');
  await mapReady(page, 'block-map');
  await clickMunicipalityOnMap(page, oktmo);
  await expect(page).toHaveURL(new RegExp(`/wall/housing/m/${oktmo}$`));
  await expectWholeDrill(page);
  await expect(page.getByTestId('drill-block')).toHaveText('ЖКХ');
  await expect(page.getByTestId('drill-screen')).toHaveAttribute('data-drill-block', 'housing');
  // What was posted shows: counted today, open, in the latest list with personal data masked.
  expect(Number(await page.getByTestId('counter-today').getAttribute('data-value'))).toBeGreaterThanOrEqual(
    12,
  );
  await expect(page.getByTestId('drill-latest-item').first()).toContainText('Проверка детализации');
  await expect(page.getByTestId('drill-latest')).not.toContainText('555-12');
  expect(Number(await page.getByTestId('drill-map').getAttribute('data-cells'))).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(ARTIFACTS, 'drill-housing-1080.png') });

  // Escape goes back to the panel it came from.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/wall\/housing$/);
});

test('a click on the region wall map opens the all-blocks drill-down; a list name keeps the block', async ({
  page,
}) => {
  await page.goto('/wall');
  await mapReady(page, 'wall-map');
  await clickMunicipalityOnMap(page, oktmo);
  await expect(page).toHaveURL(new RegExp(`/m/${oktmo}$`));
  await expectWholeDrill(page);
  await expect(page.getByTestId('drill-block')).toHaveText('Все блоки');

  // The full ranking is the desk density's (the wall's shows the five worst).
  await page.goto('/wall/housing?density=desk');
  await mapReady(page, 'block-map');
  const link = page.locator(
    `[data-testid="territory-row"][data-oktmo="${oktmo}"] [data-testid="drill-link"]`,
  );
  await expect(link).toHaveAttribute('href', `/wall/housing/m/${oktmo}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/wall/housing/m/${oktmo}$`));
  await expect(page.getByTestId('drill-title')).toHaveText(TOWN);
});

test('opened directly, zoomed in to single complaints with a tooltip, and left by the back link', async ({
  page,
}) => {
  await page.goto(`/m/${oktmo}`);
  await expectWholeDrill(page);
  const map = page.getByTestId('drill-map');
  const fitted = Number(await map.getAttribute('data-zoom'));
  await page.getByTestId('drill-zoom-in').click();
  await expect.poll(async () => Number(await map.getAttribute('data-zoom'))).toBeCloseTo(fitted + 1, 1);
  // The view is in the URL: the zoomed-in view is a link that can be shared.
  await expect(page).toHaveURL(/[?&]at=/);

  // Zoom in on the posted complaints until single ones are drawn.
  await page.goto(`/m/${oktmo}?at=${centre.lon},${centre.lat},13`);
  await mapReady(page, 'drill-map');
  for (let i = 0; i < 4 && Number(await map.getAttribute('data-points')) === 0; i++) {
    await page.getByTestId('drill-zoom-in').click();
    await page.waitForTimeout(1_000);
  }
  await expect.poll(async () => Number(await map.getAttribute('data-points'))).toBeGreaterThanOrEqual(12);
  await page.waitForTimeout(500);
  // Hover the posted complaints in turn: a resident's complaint nearby may rightly lie on top of one of them
  // (the most overdue is drawn last), so the first of ours with nothing over it is the one checked.
  const tooltip = page.getByTestId('drill-tooltip');
  let ours = false;
  for (let i = 0; i < 12 && !ours; i++) {
    const point = await page.evaluate(({ lon, lat }) => window.__curDrillProbe!.project(lon, lat), {
      lon: centre.lon + 0.005 * ((Math.floor(i / 4) % 3) - 1),
      lat: centre.lat + 0.003 * ((i % 4) - 1.5),
    });
    await page.mouse.move(point.x, point.y);
    ours = await expect(tooltip)
      .toContainText('Проверка детализации', { timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
  }
  expect(ours, 'one of the posted complaints answers its hover').toBe(true);
  await expect(tooltip).toContainText('Отсутствие горячего водоснабжения');
  await expect(tooltip).toContainText('нет горячей воды');
  // The phone number in the text is masked before it leaves the server.
  await expect(tooltip).toContainText('[телефон]');
  await expect(tooltip).not.toContainText('555-12');
  await page.screenshot({ path: path.join(ARTIFACTS, 'drill-all-zoomed-1080.png') });

  await page.getByTestId('drill-back').click();
  await expect(page).toHaveURL(/\/wall$/);
});

test('an unknown municipality or block is a 404 in Russian', async ({ page }) => {
  for (const url of ['/m/99999999999', `/wall/weather/m/${oktmo || '46728000000'}`]) {
    const res = await page.goto(url);
    expect(res?.status()).toBe(404);
    await expect(page.getByText('Такого округа или блока нет')).toBeVisible();
  }
});

for (const size of SIZES) {
  test(`the drill-down fits ${size.width}×${size.height}`, async ({ page }) => {
    // SwiftShader draws a 4K map slowly, more so on a busy machine.
    test.setTimeout(240_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const [name, url] of [
      ['housing', `/wall/housing/m/${oktmo}`],
      ['all', `/m/${oktmo}`],
    ] as const) {
      await page.goto(url);
      await expectWholeDrill(page);
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(ARTIFACTS, `drill-${name}-${size.label}.png`) });
    }
  });
}
