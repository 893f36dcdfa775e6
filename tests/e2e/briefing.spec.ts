import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Briefing } from '../../lib/briefing/types';
import { VOTE_ELIGIBLE_CATEGORIES } from '../../db/seed/categories';
import { formatCountRu } from '../../lib/i18n/format-ru';
import { signedInAs } from './support/identity';

// Every page and API read of this file as an operator; writes send the operator's token.
test.use(signedInAs('operator'));

/**
 * The governor's briefing on the backfilled history: every slide stepped through with the keyboard, its key
 * numbers checked against the API and kept as a screenshot; auto-advance, the week picker, and the PDF from the
 * page turned into PNG pages (tests/artifacts/briefing/) with as many pages as slides.
 */

const ARTIFACTS = path.join('tests', 'artifacts', 'briefing');

async function openDeck(page: Page, url: string) {
  await page.goto(url);
  const deck = page.getByTestId('briefing-deck');
  await expect(deck).toHaveAttribute('data-briefing-ready', 'true');
  await expect(page.locator('svg[data-map-ready="true"]')).toHaveCount(1);
  return deck;
}

/** Visible text under 24 px (computed, at the stage's scale), except the geodata attribution. */
async function smallText(slide: Locator): Promise<string[]> {
  return slide.evaluate((root) => {
    const scale = root.getBoundingClientRect().height / 1080;
    const small: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('[data-attribution]')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // SVG text is scaled with its viewBox: measure the rendered glyph box instead of the attribute.
      const rendered = el instanceof SVGElement ? box.height / scale : size;
      if (rendered < 23.5) small.push(`${Math.round(rendered)}px: ${text.slice(0, 40)}`);
    }
    return small;
  });
}

const activeSlide = (page: Page) =>
  page.locator('.briefing-slide-wrap[data-active="true"] [data-testid="briefing-slide"]');

test.beforeAll(() => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
});

test('every slide by keyboard, with the numbers of the API and a screenshot each', async ({
  page,
  request,
}) => {
  const b = (await (await request.get('/api/v1/briefing')).json()) as Briefing;
  expect(b.headline.received.current).toBeGreaterThan(1000);
  const deck = await openDeck(page, '/briefing');
  await expect(deck).toHaveAttribute('data-week', b.week.id);
  const total = Number(await deck.getAttribute('data-slide-count'));
  expect(total).toBe(9);
  // The presenter's bar fades after a few idle seconds: screenshots show the slides alone.
  await expect(page.getByTestId('deck-controls')).toHaveAttribute('data-visible', 'false', {
    timeout: 10_000,
  });
  await page.waitForTimeout(800); // the fade-out

  const keys = ['ArrowRight', 'PageDown', 'Space'];
  for (let i = 0; i < total; i += 1) {
    await expect(deck).toHaveAttribute('data-slide-index', String(i));
    await expect(page).toHaveURL(new RegExp(`slide=${i + 1}`));
    const slide = activeSlide(page);
    await expect(slide).toBeVisible();
    await expect(slide.getByTestId('slide-footer-meta')).toContainText(`слайд ${i + 1} из ${total}`);
    await expect(slide).toContainText(b.week.label);
    const id = await slide.getAttribute('data-slide');
    if (id === 'numbers') {
      await expect(slide.getByTestId('stat-received')).toHaveAttribute(
        'data-value',
        formatCountRu(b.headline.received.current),
      );
      await expect(slide.getByTestId('stat-new-problems')).toHaveAttribute(
        'data-value',
        formatCountRu(b.headline.newProblems.current),
      );
      await expect(slide.getByTestId('stat-reopened')).toHaveAttribute(
        'data-value',
        formatCountRu(b.headline.reopened.current),
      );
    } else if (id === 'blocks') {
      await expect(slide.getByTestId('block-row')).toHaveCount(11);
      for (const block of b.blocks)
        await expect(slide.locator(`[data-testid="block-row"][data-block="${block.code}"]`)).toHaveAttribute(
          'data-current',
          String(block.current),
        );
    } else if (id === 'tension') {
      const shown = Math.min(5, b.tension.incidents.length);
      await expect(slide.getByTestId('tension-incident')).toHaveCount(shown);
      await expect(slide.getByTestId('map-marker')).toHaveCount(shown);
      for (const [j, incident] of b.tension.incidents.slice(0, shown).entries())
        await expect(slide.getByTestId('tension-incident').nth(j)).toHaveAttribute(
          'data-complaints',
          String(incident.complaints),
        );
      if (shown === 0) await expect(slide.getByTestId('tension-empty')).toBeVisible();
    } else if (id === 'municipalities') {
      const rows = slide.getByTestId('lagging-row');
      await expect(rows).toHaveCount(b.municipalities.lagging.length);
      for (const [j, oktmo] of b.municipalities.lagging.entries())
        await expect(rows.nth(j)).toHaveAttribute('data-oktmo', oktmo);
    } else if (id?.startsWith('problems-')) {
      const items = slide.getByTestId('problem-item');
      expect(await items.count()).toBeGreaterThan(0);
      const lines = b.problems.flatMap((x) => x.problems);
      for (const item of await items.all()) {
        const key = await item.getAttribute('data-key');
        const line = lines.find((p) => p.key === key)!;
        // A line that is an incident shows the incident's count, the one the incidents slide shows.
        await expect(item).toHaveAttribute('data-count', String(line.incident?.complaints ?? line.current));
        const incident = b.tension.incidents.find((i) => i.key === key);
        if (incident) expect(line.incident?.complaints).toBe(incident.complaints);
      }
    } else if (id === 'fixed') {
      await expect(slide.getByTestId('fixed-resolved')).toHaveAttribute(
        'data-value',
        String(b.fixed.resolved.current),
      );
      await expect(slide.getByTestId('fixed-photos')).toHaveAttribute(
        'data-value',
        String(b.fixed.withPhotos.current),
      );
      await expect(slide.getByTestId('fixed-example')).toHaveCount(b.fixed.examples.length);
    } else if (id === 'votes') {
      await expect(slide.getByTestId('votes-count')).toHaveAttribute(
        'data-value',
        String(b.votes.count.current),
      );
      // Seven rows fit; one fewer under the box of urgent matters put to a vote by mistake.
      const rows = Math.min(b.votes.items.length, b.votes.notEligible.count > 0 ? 6 : 7);
      await expect(slide.getByTestId('vote-item')).toHaveCount(rows);
      for (const item of await slide.getByTestId('vote-item').all())
        expect(VOTE_ELIGIBLE_CATEGORIES.has((await item.getAttribute('data-category')) ?? '')).toBe(true);
      await expect(slide.getByTestId('votes-not-eligible')).toHaveCount(
        b.votes.notEligible.count > 0 ? 1 : 0,
      );
    } else if (id === 'summary') {
      expect(await slide.getByTestId('summary-point').count()).toBeGreaterThanOrEqual(3);
    }
    // Readable from the back of the room: no slide text under 24 px at 1080p (the map attribution excepted).
    expect.soft(await smallText(slide), `slide ${id}`).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `slide-${i + 1}.png`) });
    if (i < total - 1) await page.keyboard.press(keys[i % keys.length]!);
  }
  // The last slide stays the last; back, home and end.
  await page.keyboard.press('ArrowRight');
  await expect(deck).toHaveAttribute('data-slide-index', String(total - 1));
  await page.keyboard.press('ArrowLeft');
  await expect(deck).toHaveAttribute('data-slide-index', String(total - 2));
  await page.keyboard.press('PageUp');
  await expect(deck).toHaveAttribute('data-slide-index', String(total - 3));
  await page.keyboard.press('Home');
  await expect(deck).toHaveAttribute('data-slide-index', '0');
  await page.keyboard.press('End');
  await expect(deck).toHaveAttribute('data-slide-index', String(total - 1));

  // A shared link opens the slide it names.
  await openDeck(page, `/briefing?week=${b.week.id}&slide=4`);
  await expect(page.getByTestId('briefing-deck')).toHaveAttribute('data-slide-index', '3');
});

test('at 3840×2160 the stage fills the screen, every slide kept as a screenshot', async ({ page }) => {
  await page.setViewportSize({ width: 3840, height: 2160 });
  const deck = await openDeck(page, '/briefing');
  const total = Number(await deck.getAttribute('data-slide-count'));
  await expect(page.getByTestId('deck-controls')).toHaveAttribute('data-visible', 'false', {
    timeout: 10_000,
  });
  await page.waitForTimeout(800);
  for (let i = 0; i < total; i += 1) {
    const box = (await activeSlide(page).boundingBox())!;
    expect(Math.round(box.width)).toBe(3840);
    expect(Math.round(box.height)).toBe(2160);
    expect.soft(await smallText(activeSlide(page)), `4K slide ${i + 1}`).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `4k-slide-${i + 1}.png`) });
    if (i < total - 1) await page.keyboard.press('ArrowRight');
  }
});

test('auto-advance moves on by itself, shows its countdown and loops', async ({ page }) => {
  const deck = await openDeck(page, '/briefing?slide=9');
  await page.getByTestId('auto-interval').selectOption('10');
  await page.keyboard.press('KeyP');
  await expect(deck).toHaveAttribute('data-auto', 'true');
  await expect(page.getByTestId('auto-progress')).toBeVisible();
  await expect(page.getByTestId('auto-seconds')).toContainText(/\d+ с/);
  await expect(page).toHaveURL(/auto=10/);
  await page.waitForTimeout(3_000);
  await page.screenshot({ path: path.join(ARTIFACTS, 'auto-advance.png') });
  // From the last slide it loops to the first, without a key.
  await expect(deck).toHaveAttribute('data-slide-index', '0', { timeout: 15_000 });
  await expect(deck).toHaveAttribute('data-slide-index', '1', { timeout: 15_000 });
  await page.keyboard.press('KeyP');
  await expect(deck).toHaveAttribute('data-auto', 'false');
  await expect(page.getByTestId('auto-progress')).toHaveCount(0);
});

test('the week picker changes the URL and the figures', async ({ page, request }) => {
  const deck = await openDeck(page, '/briefing');
  const current = await deck.getAttribute('data-week');
  const options = await page
    .getByTestId('week-picker')
    .locator('option')
    .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
  expect(options.length).toBe(13);
  const other = options[3]!;
  expect(other).not.toBe(current);
  await page.mouse.move(400, 400);
  await page.getByTestId('week-picker').selectOption(other);
  await expect(page).toHaveURL(new RegExp(`week=${other}`));
  await expect(page.getByTestId('briefing-deck')).toHaveAttribute('data-week', other);
  const b = (await (await request.get(`/api/v1/briefing?week=${other}`)).json()) as Briefing;
  await expect(activeSlide(page).getByTestId('stat-received')).toHaveAttribute(
    'data-value',
    formatCountRu(b.headline.received.current),
  );
  await expect(activeSlide(page)).toContainText(b.week.label);
});

test('an invalid week: a readable page and a 400 naming the field', async ({ page, request }) => {
  await page.goto('/briefing?week=2026-W99');
  await expect(page.getByTestId('briefing-error')).toContainText('Неделя указана неверно');
  const res = await request.get('/api/v1/briefing?week=2026-W99');
  expect(res.status()).toBe(400);
  expect((await res.json()).error.errors[0]).toMatchObject({ field: 'week' });
});

test('the PDF from the page has one page per slide', async ({ page }) => {
  test.setTimeout(240_000);
  const deck = await openDeck(page, '/briefing');
  const total = Number(await deck.getAttribute('data-slide-count'));
  await page.mouse.move(500, 500);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 180_000 }),
    page.getByTestId('pdf-button').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^briefing-\d{4}-W\d{2}\.pdf$/);
  const pdf = path.join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(pdf);
  execFileSync('pdftoppm', ['-png', '-r', '48', pdf, path.join(ARTIFACTS, 'pdf')]);
  const pages = readdirSync(ARTIFACTS).filter((f) => /^pdf-\d+\.png$/.test(f));
  expect(pages).toHaveLength(total);
  // Vector text, not pictures of text.
  const text = execFileSync('pdftotext', [pdf, '-']).toString();
  expect(text).toContain('Неделя в цифрах');
  expect(text).toContain('Главное за неделю');
});
