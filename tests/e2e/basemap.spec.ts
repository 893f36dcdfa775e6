import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signedInAs } from './support/identity';

test.use(signedInAs('operator'));
// Six maps, two of them at 4K on a software renderer.
test.setTimeout(240_000);

/**
 * Real geography under every map (issue 15, item 4): the main roads, water and town names of public/geo are
 * drawn on the region wall, a block panel and the drill-down; the names stay inside the view and off the
 * drill-down's buttons and hint; the attribution names OpenMapTiles. Screenshots go to tests/artifacts/basemap/.
 */

const ARTIFACTS = path.join('tests', 'artifacts', 'basemap');
const ROAD_LAYERS = ['basemap-road-motorway', 'basemap-road-trunk', 'basemap-road-primary'];
/** Сергиев Посад at street-and-village zoom: towns, villages, М-8 and rivers in view. */
const SERGIEV_POSAD = { oktmo: '46728000000', at: '38.13,56.31,10.6' };
const SIZES = [
  { label: '1080', width: 1920, height: 1080 },
  { label: '2160', width: 3840, height: 2160 },
] as const;

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

async function basemapDrawn(page: Page, testId: string) {
  // A full-screen map at 4K takes SwiftShader (no GPU) a long first frame.
  const began = Date.now();
  await expect(page.getByTestId(testId)).toHaveAttribute('data-ready', 'true', { timeout: 150_000 });
  console.log(`${testId} ready in ${Date.now() - began} ms`);
  await expect.poll(() => page.evaluate(() => Boolean(window.__curBasemapProbe))).toBe(true);
  const layers = await page.evaluate(() => window.__curBasemapProbe!.layers());
  expect(layers).toEqual(expect.arrayContaining([...ROAD_LAYERS, 'basemap-water', 'basemap-rivers']));
  await expect
    .poll(() => page.evaluate((l) => window.__curBasemapProbe!.rendered(l), ROAD_LAYERS))
    .toBeGreaterThan(20);
  await expect.poll(() => page.evaluate(() => window.__curBasemapProbe!.towns().length)).toBeGreaterThan(2);
  await expect(page.getByTestId('attribution')).toContainText('© OpenMapTiles');
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the region wall draws roads, water and towns under the data', async ({ page }) => {
      await page.goto('/wall');
      await basemapDrawn(page, 'wall-map');
      // The side panels lie over the map's edges: no town name is placed under them.
      const towns = await page.evaluate(() => window.__curBasemapProbe!.towns());
      for (const t of towns) {
        expect(t.x, t.name).toBeGreaterThan(size.width * 0.26);
        expect(t.x, t.name).toBeLessThan(size.width * 0.75);
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `wall-${size.label}.png`) });
    });

    test('the drill-down names towns and villages, inside the view and off its buttons and hint', async ({
      page,
    }) => {
      await page.goto(`/m/${SERGIEV_POSAD.oktmo}?at=${SERGIEV_POSAD.at}`);
      await basemapDrawn(page, 'drill-map');
      const map = (await page.getByTestId('drill-map').boundingBox())!;
      const overlays = await Promise.all(
        ['drill-zoom-in', 'drill-zoom-out', 'drill-zoom-fit'].map((id) => page.getByTestId(id).boundingBox()),
      );
      const hint = await page.getByTestId('drill-map').locator('p').first().boundingBox();
      const towns = await page.evaluate(() => window.__curBasemapProbe!.towns());
      expect(towns.map((t) => t.name)).toContain('Сергиев Посад');
      // A name's far end stays in the map too (its side of the dot chosen for it), at about 0.66 em a letter.
      const px = (20 * size.height) / 1080;
      for (const t of towns) {
        const width = t.name.length * px * 0.6;
        const [from, to] = t.anchor === 'right' ? [t.x - width, t.x] : [t.x, t.x + width];
        expect(from, t.name).toBeGreaterThan(map.x);
        expect(to, t.name).toBeLessThan(map.x + map.width);
      }
      for (const t of towns) {
        expect(t.x, t.name).toBeGreaterThan(map.x);
        expect(t.x, t.name).toBeLessThan(map.x + map.width);
        for (const box of [...overlays, hint]) {
          const under =
            t.x >= box!.x && t.x <= box!.x + box!.width && t.y >= box!.y && t.y <= box!.y + box!.height;
          expect(under, `${t.name} under an overlay`).toBe(false);
        }
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `drill-${size.label}.png`) });
    });
  });
}

test('a block panel draws the base map too', async ({ page }) => {
  await page.goto('/wall/housing');
  await basemapDrawn(page, 'block-map');
  await page.screenshot({ path: path.join(ARTIFACTS, 'block-1080.png') });
});
