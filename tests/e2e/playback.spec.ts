import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { signedInAs } from './support/identity';

// Every page and API read of this file as an operator; writes send the operator's token.
test.use(signedInAs('operator'));

/**
 * A playback run on the region wall and on a block panel: start a 24-hour replay at a fast speed, watch the
 * clock move under the «ПОВТОР» banner, check the counters against the API at the shown moment, scrub, switch
 * to 7 days and go back to live; screenshots in tests/artifacts/playback/ at 1080p and 4K.
 */

const ARTIFACTS = path.join('tests', 'artifacts', 'playback');
const COUNTERS = ['today', 'lastHour', 'open', 'overdue', 'resolvedToday'] as const;
const TEST_IDS: Record<(typeof COUNTERS)[number], string> = {
  today: 'counter-today',
  lastHour: 'counter-last-hour',
  open: 'counter-open',
  overdue: 'counter-overdue',
  resolvedToday: 'counter-resolved-today',
};

interface CountersAt {
  at: string;
  today: number;
  lastHour: number;
  resolvedToday: number;
  open: number | null;
  overdue: number | null;
  veryLate: number | null;
}

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

async function clockOf(bar: Locator): Promise<number> {
  return Date.parse((await bar.getAttribute('data-clock')) ?? '');
}

/** The counters the screen shows against the API's at the same moment; returns them for comparisons. */
async function expectCountersMatchApi(
  page: Page,
  request: APIRequestContext,
  query: string,
  wall: boolean,
): Promise<CountersAt> {
  const at = await page.getByTestId('playback-counters').getAttribute('data-at');
  expect(at).toBeTruthy();
  const res = await request.get(`/api/v1/playback?${query}&at=${encodeURIComponent(at!)}`);
  expect(res.status()).toBe(200);
  const body = await res.body();
  // The payload a screen loads per replay (measured for the report; capped by POINTS_LIMIT / CELL_ENTRIES_LIMIT).
  console.log(`playback payload ${query}: ${body.length} bytes`);
  const api = (JSON.parse(body.toString()) as { countersAt: CountersAt }).countersAt;
  expect(api.at).toBe(at);
  for (const key of COUNTERS) {
    // The region wall shows resolved since midnight under «Сегодня»; a panel has its own tile.
    const id = wall && key === 'resolvedToday' ? 'wall-resolved-today' : TEST_IDS[key];
    const shown = await page.getByTestId(id).first().getAttribute('data-value');
    const expected = api[key];
    expect(shown, `${key} at ${at}`).toBe(expected === null ? 'NaN' : String(expected));
  }
  return api;
}

/**
 * Replay everything or nothing: every visible number on the screen belongs to the replay (its bar, banner and
 * counters, or a part marked `data-replay` that follows its clock), so no live number sits inside the frame;
 * the parts without a recorded history are replaced by their «недоступно в повторе» note.
 */
async function expectNoLiveNumbers(page: Page) {
  const live = await page.evaluate(() => {
    const replayParts = [
      '[data-testid="playback-bar"]',
      '[data-testid="playback-banner"]',
      '[data-testid="playback-counters"]',
      '[data-replay]',
      // Reference figures (a municipality's population) belong to no moment.
      '[data-static]',
      '[data-testid="attribution"]',
    ].join(', ');
    const found: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!/\d/.test(own) || el.closest(replayParts)) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.display === 'none')
        continue;
      found.push(
        `${el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName}: «${own.slice(0, 60)}»`,
      );
    }
    return found;
  });
  expect(live, `live numbers inside the replay:\n${live.join('\n')}`).toEqual([]);
}

/** A block screen's breach numbers in a replay: very late and late from the API's backlog at the minute. */
async function expectBreachMatchesApi(page: Page, api: CountersAt) {
  if ((await page.getByTestId('breach-numbers').count()) === 0) return;
  const late = api.overdue === null || api.veryLate === null ? '' : String(api.overdue - api.veryLate);
  await expect(page.getByTestId('breach-very-late')).toHaveAttribute(
    'data-value',
    String(api.veryLate ?? ''),
  );
  await expect(page.getByTestId('breach-late')).toHaveAttribute('data-value', late);
  // Never recorded, so hidden with a note rather than shown live.
  await expect(page.getByTestId('breach-due-24h')).toHaveAttribute('data-replay', 'hidden');
  await expect(page.getByTestId('breach-due-24h')).toContainText('недоступно в повторе');
}

/** Click the timeline at a fraction of its width and wait for the clock to land there. */
async function scrubTo(page: Page, bar: Locator, fraction: number): Promise<number> {
  const before = await clockOf(bar);
  const box = (await page.getByTestId('playback-timeline').boundingBox())!;
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  await expect.poll(() => clockOf(bar)).not.toBe(before);
  return clockOf(bar);
}

async function expectFits(page: Page, ids: string[]) {
  const viewport = page.viewportSize()!;
  const layout = await page.evaluate((parts) => {
    const se = document.scrollingElement!;
    return {
      scroll: { sw: se.scrollWidth, sh: se.scrollHeight, cw: se.clientWidth, ch: se.clientHeight },
      boxes: parts.map((id) => {
        const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
        const r = el.getBoundingClientRect();
        return {
          id,
          r: [r.left, r.top, r.right, r.bottom],
          spill: Math.max(el.scrollHeight - el.clientHeight, el.scrollWidth - el.clientWidth),
        };
      }),
    };
  }, ids);
  expect(layout.scroll.sw).toBeLessThanOrEqual(layout.scroll.cw);
  expect(layout.scroll.sh).toBeLessThanOrEqual(layout.scroll.ch);
  for (const b of layout.boxes) {
    const [left, top, right, bottom] = b.r as [number, number, number, number];
    expect(left, b.id).toBeGreaterThanOrEqual(0);
    expect(top, b.id).toBeGreaterThanOrEqual(0);
    expect(right, b.id).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(bottom, b.id).toBeLessThanOrEqual(viewport.height + 0.5);
    expect(b.spill, `${b.id} overflows`).toBeLessThanOrEqual(1);
  }
}

async function playbackRun(
  page: Page,
  request: APIRequestContext,
  opts: { url: string; mapId: string; scopeQuery: string; name: string; wall: boolean },
) {
  const { url, mapId, scopeQuery, name, wall } = opts;
  await page.goto(url);
  await expect(page.getByTestId(mapId)).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  const bar = page.getByTestId('playback-bar');
  await expect(bar).toHaveAttribute('data-mode', 'live');

  // 24 hours at the fastest speed: the clock runs, the screen says it is a replay, the map draws the replay.
  await page.getByTestId('playback-start-24h').click();
  await expect(bar).toHaveAttribute('data-mode', 'replay');
  await expect(bar).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await page.getByTestId('playback-speed-900').click();
  await expect(bar).toHaveAttribute('data-speed', '900');
  await expect(page.getByTestId('playback-frame')).toBeVisible();
  if (wall) await expect(page.getByTestId('playback-banner')).toContainText('ПОВТОР');
  await expect(page.getByTestId(mapId)).toHaveAttribute('data-replay', '1');
  const first = await clockOf(bar);
  await page.waitForTimeout(2_000);
  const second = await clockOf(bar);
  // 900× for 2 s is 30 minutes of replay; allow for a slow software-rendered browser.
  expect(second - first).toBeGreaterThanOrEqual(5 * 60_000);
  expect(page.url()).toContain('replay=24h');

  // Paused with the space bar, the numbers are the API's at the moment shown, and no live one is left.
  await page.keyboard.press('Space');
  await expect(bar).toHaveAttribute('data-playing', 'false');
  const paused = await expectCountersMatchApi(page, request, `span=24h${scopeQuery}`, wall);
  await expectBreachMatchesApi(page, paused);
  await expectNoLiveNumbers(page);
  await expect(page.getByTestId('replay-hidden').first()).toContainText('недоступно в повторе');
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-24h-1080.png`) });

  // Scrub: a click early in the day, then a drag late into it; the numbers follow the clock.
  const early = await scrubTo(page, bar, 0.3);
  const atEarly = await expectCountersMatchApi(page, request, `span=24h${scopeQuery}`, wall);
  const box = (await page.getByTestId('playback-timeline').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.92, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const late = await clockOf(bar);
  expect(late - early).toBeGreaterThan(10 * 3_600_000);
  const atLate = await expectCountersMatchApi(page, request, `span=24h${scopeQuery}`, wall);
  await expectBreachMatchesApi(page, atLate);
  expect([atLate.today, atLate.lastHour, atLate.resolvedToday]).not.toEqual([
    atEarly.today,
    atEarly.lastHour,
    atEarly.resolvedToday,
  ]);
  await expect.poll(() => new URL(page.url()).searchParams.get('t')).not.toBeNull();

  // 7 days, played a moment at 6 h/s, then paused and checked.
  await page.getByTestId('playback-span-7d').click();
  await expect(bar).toHaveAttribute('data-span', '7d');
  await expect(bar).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  await page.getByTestId('playback-speed-21600').click();
  // From early in the week: the clock kept from the day lies near the end, where playing would stop at once.
  const weekStart = await scrubTo(page, bar, 0.1);
  await page.getByTestId('playback-toggle').click();
  await expect(bar).toHaveAttribute('data-playing', 'true');
  await page.waitForTimeout(1_500);
  await page.keyboard.press('Space');
  await expect(bar).toHaveAttribute('data-playing', 'false');
  expect((await clockOf(bar)) - weekStart).toBeGreaterThanOrEqual(3_600_000);
  await expectBreachMatchesApi(
    page,
    await expectCountersMatchApi(page, request, `span=7d${scopeQuery}`, wall),
  );
  await expectNoLiveNumbers(page);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-7d-1080.png`) });
  await expectFits(page, ['playback-bar', 'playback-counters']);

  // Esc: live again at once, the live counters back.
  await page.keyboard.press('Escape');
  await expect(bar).toHaveAttribute('data-mode', 'live');
  await expect(page.getByTestId('playback-frame')).toHaveCount(0);
  await expect(page.getByTestId('playback-counters')).toHaveCount(0);
  await expect(page.getByTestId(mapId)).toHaveAttribute('data-replay', '0');
  expect(page.url()).not.toContain('replay=');

  // A shared link opens the same replay and plays it from its moment (a link is sent to show something move).
  const t = new Date(early).toISOString();
  await page.goto(`${url}?replay=24h&speed=300&t=${encodeURIComponent(t)}`);
  await expect(bar).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(bar).toHaveAttribute('data-playing', 'true');
  await expect(bar).toHaveAttribute('data-speed', '300');
  const opened = await clockOf(bar);
  expect(opened).toBeGreaterThanOrEqual(Math.floor(early / 60_000) * 60_000);
  await expect.poll(() => clockOf(bar)).toBeGreaterThan(opened);
}

test('the region wall replays 24 hours and 7 days with the counters following the clock', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await playbackRun(page, request, {
    url: '/wall',
    mapId: 'wall-map',
    scopeQuery: '',
    name: 'wall',
    wall: true,
  });
});

test('a block panel replays its block', async ({ page, request }) => {
  test.setTimeout(180_000);
  await playbackRun(page, request, {
    url: '/wall/housing',
    mapId: 'block-map',
    scopeQuery: '&block=housing',
    name: 'housing',
    wall: false,
  });
  await expectFits(page, ['playback-bar', 'panel-counters', 'block-map', 'breach-numbers']);
});

test('a municipality drill-down replays its municipality', async ({ page, request }) => {
  test.setTimeout(180_000);
  // Balashikha, all blocks: the replay is scoped to the municipality, with its fine cells and single complaints.
  await playbackRun(page, request, {
    url: '/m/46704000000',
    mapId: 'drill-map',
    scopeQuery: '&municipality=46704000000',
    name: 'drill',
    wall: false,
  });
  await expectFits(page, ['playback-bar', 'panel-counters', 'drill-map']);
});

test.describe('at 3840×2160', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });
  for (const [url, name, parts] of [
    ['/wall', 'wall', ['playback-bar', 'playback-counters', 'playback-banner']],
    ['/wall/housing', 'housing', ['playback-bar', 'panel-counters', 'breach-numbers']],
  ] as const) {
    test(`${name}: the replay fits the screen`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(
        `${url}?replay=24h&speed=900&t=${encodeURIComponent(new Date(Date.now() - 5 * 3_600_000).toISOString())}`,
      );
      const bar = page.getByTestId('playback-bar');
      await expect(bar).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
      await expect(page.locator('[data-ready="true"]')).toHaveCount(1, { timeout: 120_000 });
      await page.waitForTimeout(500);
      await expectFits(page, [...parts]);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-24h-2160.png`) });
    });
  }
});
