import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createPdfGate } from './pdf-gate';
import { parseIsoWeek, weekWindow } from './week';

/** Debian's Chromium (scripts/ensure-system-deps.sh installs it); CHROMIUM_PATH overrides. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const RENDER_TIMEOUT_MS = 90_000;
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class ChromiumMissingError extends Error {}

export interface RenderedPdf {
  pdf: Buffer;
  /** Slides the deck had: the PDF has one page per slide. */
  slides: number;
  /** Requests of the page to other origins that were not made (proof photos on other hosts, say). */
  blocked: number;
}

export interface RenderOptions {
  /** Where the app answers, e.g. http://localhost:3000: the only origin the page may load from. */
  baseUrl: string;
  week: string;
  executablePath?: string;
  /** Decides whether the week is over (cached for good) or under way (cached for minutes). Default: now. */
  now?: Date;
  /**
   * The credential the page is read with (it needs `briefing:read`): a short-lived session the API issues for
   * the person asking, or a personal token (`npm run briefing:pdf -- --token`), sent as the session cookie.
   */
  credential: () => Promise<{ cookie: { name: string; value: string }; release: () => Promise<void> }>;
}

const gate = createPdfGate<RenderedPdf>();

export function briefingPdfName(week: string): string {
  return `briefing-${week}.pdf`;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Everything the page asks for passes here: its own origin loads, anything else is aborted, so the server's
 * Chromium never fetches a URL somebody typed in (a proof photo at an internal address, say): such a photo
 * prints as its tile (components/briefing/slide-fixed.tsx falls back on the image's error).
 */
async function keepToOrigin(page: Page, origin: string): Promise<{ blocked: number }> {
  const counter = { blocked: 0 };
  const allowed = (url: string) =>
    url.startsWith('data:') || url.startsWith('blob:') || sameOrigin(url, origin);
  await page.route('**/*', (route) => {
    if (allowed(route.request().url())) return route.continue();
    counter.blocked += 1;
    return route.abort('blockedbyclient');
  });
  await page.routeWebSocket(
    (url) => !allowed(url.toString().replace(/^ws/, 'http')),
    (ws) => {
      counter.blocked += 1;
      void ws.close();
    },
  );
  return counter;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Until every image has loaded or failed, and React has drawn the tiles of the failed ones. */
async function imagesSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const pending = Array.from(document.images).filter((img) => !img.complete);
    await Promise.all(
      pending.map(
        (img) =>
          new Promise((resolve) => {
            img.addEventListener('load', resolve, { once: true });
            img.addEventListener('error', resolve, { once: true });
          }),
      ),
    );
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/**
 * Opens the briefing's print view (`?print=1`: all slides, no controls) in headless Chromium and prints it, one
 * 1920×1080 page per slide with vector text (the map is SVG, never WebGL).
 */
async function printBriefing(
  baseUrl: string,
  week: string,
  executablePath: string,
  credential: RenderOptions['credential'],
): Promise<RenderedPdf> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS });
  const { cookie, release } = await credential();
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.context().addCookies([{ ...cookie, url: baseUrl }]);
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    const url = new URL('/briefing', baseUrl);
    const counter = await keepToOrigin(page, url.origin);
    url.searchParams.set('week', week);
    url.searchParams.set('print', '1');
    const response = await page.goto(url.toString(), { waitUntil: 'domcontentloaded' });
    if (!response?.ok()) throw new Error(`${url} answered HTTP ${response?.status() ?? 'nothing'}`);
    const deck = page.locator('[data-testid="briefing-deck"][data-briefing-ready="true"]');
    await deck.waitFor({ state: 'attached' });
    await page.locator('svg[data-map-ready="true"]').first().waitFor({ state: 'attached' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await imagesSettled(page);
    const slides = Number(await deck.getAttribute('data-slide-count'));
    const pdf = await page.pdf({
      width: '1920px',
      height: '1080px',
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
    });
    return { pdf, slides, blocked: counter.blocked };
  } finally {
    await browser.close();
    await release();
  }
}

/**
 * The week's briefing as a PDF, shared by `npm run briefing:pdf` and GET /api/v1/briefing/pdf. One render at a
 * time with at most two waiting (else PdfBusyError, answered 503 with Retry-After); a finished week's PDF is
 * kept for the process's life, the week under way's for five minutes; the page loads only `baseUrl`'s origin.
 */
export async function renderBriefingPdf({
  baseUrl,
  week,
  executablePath = chromiumPath(),
  now = new Date(),
  credential,
}: RenderOptions): Promise<RenderedPdf> {
  if (!existsSync(executablePath))
    throw new ChromiumMissingError(
      `Chromium is not installed at ${executablePath} (apt-get install chromium)`,
    );
  const parsed = parseIsoWeek(week);
  const complete = parsed.ok && weekWindow(parsed.week, now).complete;
  const key = `${new URL(baseUrl).origin} ${week}`;
  return gate.run(key, complete, () => printBriefing(baseUrl, week, executablePath, credential));
}
