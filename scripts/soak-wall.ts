/**
 * Soak test of a wall screen (not part of `npm test`): starts the production server on a fresh PGlite with a
 * backfilled history, posts complaints through the HTTP API at a flat --rate (per second) for --minutes while one
 * wall page stays open in Chromium, and samples the page's JS heap (after a forced GC) and DOM size every
 * minute. Reports start, end and growth, and writes JSON under bench/results/.
 * Usage: npm run soak -- --minutes=30 --rate=100 --path=/wall/housing
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { buildTemplates, moscowMidnight, type Reference } from '../bench/lib/complaints';
import { buildPointPool } from '../bench/lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from '../bench/lib/http';
import { steady } from '../bench/lib/pacer';
import { ensureBuild, startServer } from '../bench/lib/server';

const root = process.cwd();
const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const minutes = Number(arg('minutes', '30'));
const rate = Number(arg('rate', '100'));
/** Batches of BATCH every 1000 / (rate / BATCH) ms: a flat rate, unlike the simulator's daily rhythm. */
const BATCH = 10;
const pagePath = arg('path', '/wall/housing');
const backfillWeeks = arg('backfill-weeks', '5');
const sampleEveryMs = Number(arg('sample-seconds', '60')) * 1000;
const GROWTH_TARGET_PCT = 10;

interface Sample {
  minute: number;
  heapUsedMb: number;
  domNodes: number;
  listeners: number;
  counterToday: number;
}

async function sample(cdp: CDPSession, startedAt: number, today: () => Promise<number>): Promise<Sample> {
  // Only what survives a full collection counts: garbage waiting for the next GC is not growth.
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    minute: Math.round((Date.now() - startedAt) / 6000) / 10,
    heapUsedMb: Math.round((heap.usedSize / 1048576) * 100) / 100,
    domNodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    counterToday: await today(),
  };
}

async function waitForLog(file: string, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!readFileSync(file, 'utf8').includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear in ${file}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Posts BATCH-sized batches on a fixed schedule for `durationMs`; returns what was stored and the rate. */
async function postAtFlatRate(url: string, durationMs: number) {
  const ref = await getJson<Reference>(`${url}/api/v1/reference`);
  const now = Date.now();
  const templates = buildTemplates(ref, buildPointPool(6000), {
    batchSize: BATCH,
    count: 200,
    // Counted in "today" for the whole run: since Moscow midnight, never in the future.
    receivedFrom: Math.max(moscowMidnight(now) + 1000, now - 2 * 3600_000),
    receivedTo: now - 5000,
  });
  const agent = keepAliveAgent(8);
  const tally = emptyTally();
  const run = await steady({
    agent,
    baseUrl: url,
    templates,
    prefix: `soak-${now}-`,
    tally,
    intervalMs: (1000 * BATCH) / rate,
    warmupMs: 0,
    durationMs,
    maxInFlight: 8,
  });
  agent.destroy();
  const created = run.batches.reduce((sum, b) => sum + b.created, 0);
  return {
    created,
    perSecond: Math.round((created / durationMs) * 1000 * 10) / 10,
    skippedBatches: run.skipped,
  };
}

async function main(): Promise<void> {
  const buildId = ensureBuild(root, 'auto');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soak-pglite-'));
  console.log(`soak: ${minutes} min at ${rate}/s on ${pagePath} (build ${buildId}), PGlite in ${dataDir}`);
  const server = await startServer(root, '', 'soak', {
    PGLITE_DIR: dataDir,
    SIMULATOR: 'backfill',
    SIMULATOR_BACKFILL_WEEKS: backfillWeeks,
    LOG_LEVEL: 'info',
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    console.log('  backfilling history …');
    await waitForLog(server.logFile, '"msg":"ready"', 15 * 60_000);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The production wall page must be opened by host name, as a screen would.
    await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}${pagePath}`);
    // The region wall's map is `wall-map`, a block panel's `block-map`.
    await page.locator('[data-testid$="-map"][data-ready="true"]').waitFor({ timeout: 120_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const today = async () =>
      Number(await page.locator('[data-testid="counter-today"]').getAttribute('data-value'));
    const startedAt = Date.now();
    const sending = postAtFlatRate(server.url, minutes * 60_000 + 60_000);
    // A minute to settle (fonts, tiles, the first panel updates) before the baseline.
    await page.waitForTimeout(Math.min(60_000, sampleEveryMs));
    const samples: Sample[] = [await sample(cdp, startedAt, today)];
    console.log(`  start: ${samples[0]!.heapUsedMb} MB, ${samples[0]!.domNodes} DOM nodes`);
    while (Date.now() - startedAt < minutes * 60_000) {
      await page.waitForTimeout(Math.min(sampleEveryMs, startedAt + minutes * 60_000 - Date.now()));
      const s = await sample(cdp, startedAt, today);
      samples.push(s);
      console.log(`  ${s.minute} min: ${s.heapUsedMb} MB, ${s.domNodes} nodes, «Сегодня» ${s.counterToday}`);
    }
    const sent = await sending;
    const [first, last] = [samples[0]!, samples.at(-1)!];
    const growthPct = Math.round(((last.heapUsedMb - first.heapUsedMb) / first.heapUsedMb) * 1000) / 10;
    const verdict = growthPct < GROWTH_TARGET_PCT ? 'met' : 'MISSED';
    console.log(
      `soak: heap ${first.heapUsedMb} MB → ${last.heapUsedMb} MB (${growthPct}%; target < ${GROWTH_TARGET_PCT}%: ${verdict}), ` +
        `«Сегодня» ${first.counterToday} → ${last.counterToday}; posted ${sent.created} at ${sent.perSecond}/s`,
    );
    const stamp = new Date()
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z');
    const file = path.join(root, 'bench', 'results', `soak-${stamp}.json`);
    const doc = {
      kind: 'soak',
      path: pagePath,
      rate,
      minutes,
      buildId,
      growthPct,
      target: GROWTH_TARGET_PCT,
      samples,
    };
    writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`  written to ${path.relative(root, file)}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
