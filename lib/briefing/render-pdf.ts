import { existsSync } from 'node:fs';

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
}

export interface RenderOptions {
  /** Where the app answers, e.g. http://localhost:3000. */
  baseUrl: string;
  week: string;
  executablePath?: string;
}

export function briefingPdfName(week: string): string {
  return `briefing-${week}.pdf`;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Opens the briefing's print view (`?print=1`: all slides, no controls) in headless Chromium and prints it, one
 * 1920×1080 page per slide with vector text (the map is SVG, never WebGL). Shared by `npm run briefing:pdf` and
 * GET /api/v1/briefing/pdf.
 */
export async function renderBriefingPdf({
  baseUrl,
  week,
  executablePath = chromiumPath(),
}: RenderOptions): Promise<RenderedPdf> {
  if (!existsSync(executablePath))
    throw new ChromiumMissingError(
      `Chromium is not installed at ${executablePath} (apt-get install chromium)`,
    );
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: RENDER_TIMEOUT_MS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    const url = new URL('/briefing', baseUrl);
    url.searchParams.set('week', week);
    url.searchParams.set('print', '1');
    // Not 'load': a proof photo on an unreachable host must not hold the render up (it prints as its tile).
    const response = await page.goto(url.toString(), { waitUntil: 'domcontentloaded' });
    if (!response?.ok()) throw new Error(`${url} answered HTTP ${response?.status() ?? 'nothing'}`);
    const deck = page.locator('[data-testid="briefing-deck"][data-briefing-ready="true"]');
    await deck.waitFor({ state: 'attached' });
    await page.locator('svg[data-map-ready="true"]').first().waitFor({ state: 'attached' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const slides = Number(await deck.getAttribute('data-slide-count'));
    const pdf = await page.pdf({
      width: '1920px',
      height: '1080px',
      printBackground: true,
      preferCSSPageSize: true,
      margin: { top: '0', right: '0', bottom: '0', left: '0' },
    });
    return { pdf, slides };
  } finally {
    await browser.close();
  }
}
