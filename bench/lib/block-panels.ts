/**
 * Times the recount of every sector block's full panel (`getBlockPanel`: territories, overdue, the week, top
 * problems, tension, heat) over the loaded history, as the panel hub runs it for each watched screen.
 */
import type { Db } from '../../db/client';
import { loadMunicipalityLocator } from '../../lib/geo/municipality-locator';
import { getBlockPanel } from '../../lib/panels/get-block-panel';
import { loadReference } from '../../lib/reference/load-reference';
import { figure, type Figure } from './report';
import { distribution, nowMs, type Distribution } from './stats';

const RUNS_PER_BLOCK = 10;
/** The hub recounts a changed panel at most every 3 s; 11 screens must fit in that with room for intake. */
export const BLOCK_PANEL_P95_TARGET_MS = 150;

export async function timeBlockPanels(
  db: Db,
  now: Date,
): Promise<{ figures: Figure[]; perBlock: Record<string, Distribution>; all: Distribution }> {
  const ctx = { db, reference: await loadReference(db), locator: loadMunicipalityLocator() };
  const all: number[] = [];
  const perBlock: Record<string, Distribution> = {};
  for (const block of ctx.reference.blocks.keys()) {
    await getBlockPanel(ctx, block, now);
    const runs: number[] = [];
    for (let i = 0; i < RUNS_PER_BLOCK; i++) {
      const t0 = nowMs();
      await getBlockPanel(ctx, block, now);
      runs.push(nowMs() - t0);
    }
    perBlock[block] = distribution(runs);
    all.push(...runs);
    console.log(`  block panel ${block}: p50 ${perBlock[block].p50} ms p95 ${perBlock[block].p95} ms`);
  }
  const d = distribution(all);
  return {
    figures: [
      figure('block panel recount p95 (11 blocks)', d.p95, 'ms', {
        op: '<',
        value: BLOCK_PANEL_P95_TARGET_MS,
      }),
    ],
    perBlock,
    all: d,
  };
}
