import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { bearer, signedInAs } from './support/identity';

// Every page and API read of this file as an operator; writes send the operator's token.
test.use(signedInAs('operator'));

const ARTIFACTS = path.join('tests', 'artifacts', 'federal');
/** Kaliningrad: a region far from the home one, easy to click and to tell apart on the map. */
const REGION = 'RU-KGD';
const KALININGRAD = { lat: 54.7104, lon: 20.4522 };

interface Overview {
  regions: { code: string; today: number }[];
}

function complaint(externalId: string, i: number) {
  return {
    source: 'incident',
    externalId,
    receivedAt: new Date().toISOString(),
    text: `Калининград, ул. Черняховского, ${i + 1}: не вывозят мусор третий день`,
    lat: KALININGRAD.lat + i * 0.003,
    lon: KALININGRAD.lon,
    category: 'ecology.tko-overflow',
    region: REGION,
  };
}

async function openRussia(page: Page, query = '') {
  await page.goto(`/russia${query}`);
  await expect(page.getByTestId('russia-map')).toBeVisible();
  await expect(page.getByTestId('region-shape')).toHaveCount(85);
}

test('the federal view draws the 85 regions, their centers, the table and the totals', async ({ page }) => {
  await openRussia(page);
  await expect(page.getByTestId('center-point')).toHaveCount(85);
  await expect(page.getByTestId('region-row')).toHaveCount(17);
  await expect(page.getByTestId('table-page')).toContainText('из 85');
  await expect(page.getByTestId('total-live')).toContainText('из 85');
  await expect(page.getByTestId('federal-legend')).toContainText('Просрочено из открытых');
  await expect(page.getByTestId('attribution')).toContainText('© участники OpenStreetMap (ODbL)');
  // The shapes are real geometry, not empty paths.
  const box = await page.locator(`[data-testid="region-shape"][data-region="RU-SA"]`).boundingBox();
  expect(box!.width).toBeGreaterThan(100);
  await page.screenshot({ path: path.join(ARTIFACTS, 'russia-1080.png') });
});

test('a region posted through the intake appears with its count, and its card opens from the map', async ({
  page,
  request,
}) => {
  const before = ((await (await request.get('/api/v1/regions')).json()) as Overview).regions.find(
    (r) => r.code === REGION,
  )!.today;
  const runId = String(Date.now());
  const complaints = Array.from({ length: 7 }, (_, i) => complaint(`e2e-fed-${runId}-${i}`, i));
  const res = await request.post('/api/v1/complaints', { headers: bearer('operator'), data: { complaints } });
  expect(res.status(), await res.text()).toBe(200);

  const refused = await request.post('/api/v1/complaints', {
    headers: bearer('operator'),
    data: { complaints: [{ ...complaint(`e2e-fed-${runId}-x`, 0), region: 'RU-XYZ' }] },
  });
  expect(refused.status()).toBe(400);
  expect(JSON.stringify(await refused.json())).toContain('complaints[0].region');

  await openRussia(page);
  await page.locator(`[data-testid="region-shape"][data-region="${REGION}"]`).click({ force: true });
  await expect(page.getByTestId('region-card')).toHaveAttribute('data-region', REGION);
  await expect(page).toHaveURL(new RegExp(`region=${REGION}`));
  const row = page.locator(`[data-testid="region-row"][data-region="${REGION}"]`);
  await expect(row).toHaveAttribute('data-today', String(before + 7), { timeout: 15_000 });
  await expect(page.getByTestId('card-live')).toHaveText('на связи');
  await expect(page.getByTestId('card-latest')).toContainText('Калининград');
  await page.screenshot({ path: path.join(ARTIFACTS, 'russia-card-1080.png') });

  // The home region's card leads to its own wall.
  await page.locator('[data-testid="region-row"]').first().click();
  await page.goto('/russia?region=RU-MOS');
  await expect(page.getByTestId('card-wall-link')).toHaveAttribute('href', '/wall');
});

test.describe('at 4K', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });
  test('the federal view fills a 3840×2160 screen', async ({ page }) => {
    await openRussia(page, '?region=RU-TA');
    await expect(page.getByTestId('region-card')).toBeVisible();
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(size).toEqual([3840, 2160]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'russia-2160.png') });
  });
});

/** Boxes of two elements overlap (page pixels). */
function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const size of [
  { label: '1080', width: 1920, height: 1080 },
  { label: '2160', width: 3840, height: 2160 },
]) {
  test.describe(`readable at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('a long day: the header numbers stay clear of the clock, names whole, data times dated, text ≥ 24 px', async ({
      page,
    }) => {
      // The network at the end of a very busy day: seven-digit counts in every total.
      await page.route('**/api/v1/regions', async (route) => {
        const real = (await (await route.fetch()).json()) as { totals: Record<string, number> };
        real.totals = { ...real.totals, today: 9_876_543, open: 12_345_678 };
        await route.fulfill({ json: real });
      });
      await openRussia(page);
      await expect(page.getByTestId('total-open-value')).toHaveText(/12\s345\s678/, { timeout: 20_000 });
      const clock = (await page.getByTestId('federal-clock').boundingBox())!;
      for (const id of ['total-live', 'total-today', 'total-open', 'total-overdue', 'total-on-time']) {
        const value = page.getByTestId(`${id}-value`);
        const box = (await value.boundingBox())!;
        expect(overlap(box, clock), `${id} over the clock`).toBe(false);
        // The digits fit their tile: nothing cut by its overflow.
        const cut = await value.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
        expect(cut, `${id} cut`).toBe(false);
      }
      // Region names whole: no cell cuts its text.
      const cutNames = await page
        .getByTestId('region-name')
        .evaluateAll((cells) =>
          cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
        );
      expect(cutNames).toEqual([]);
      // Data times carry their date: «06.12 23:33».
      for (const text of await page.getByTestId('region-last-data').allTextContents())
        expect(text).toMatch(/^(\d\d\.\d\d \d\d:\d\d|нет)$/);
      // No text under 24 px at 1080p (48 px at 4K), the licences' attribution excepted.
      const floor = (24 * size.height) / 1080 - 0.5;
      const small = await page.evaluate((min) => {
        const out: string[] = [];
        for (const el of document.querySelectorAll<Element>('main *')) {
          if (el.closest('[data-testid="attribution"]')) continue;
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
          if (!own || el.getClientRects().length === 0) continue;
          // SVG text is sized in the map's units: its screen size goes through the drawing's scale.
          const scale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) : 1;
          const px = parseFloat(getComputedStyle(el).fontSize) * scale;
          if (px < min) out.push(`${el.tagName} ${px.toFixed(1)}px «${el.textContent!.trim().slice(0, 30)}»`);
        }
        return out;
      }, floor);
      expect(small).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `russia-long-day-${size.label}.png`) });
    });
  });
}
