import type { AppContext } from '../context';
import { recordComplaints } from '../ingest/record-complaints';
import { COMPLAINT_BATCH } from './backfill';
import { progressFederal, type FederalGenerator } from './federal-feed';
import type { Rng } from './random';
import { federalPerHour } from './federal-rate';

const HOUR_MS = 3_600_000;
/** Days of the other regions' history: the 7-day trend of /russia (today included) and its open backlog. */
export const FEDERAL_BACKFILL_DAYS = 8;

export interface FederalBackfillOptions {
  /** Where the history starts; it ends at the moment the backfill starts. */
  from: Date;
  /** The home center's mean rate (SIMULATOR_RATE, complaints/s): the yardstick per head of urban population. */
  homeRatePerSecond: number;
  rng: Rng;
  shouldStop?: () => boolean;
  /** Called after each batch with the complaints written so far and the hours filled out of all. */
  onProgress?: (hoursDone: number, hoursTotal: number) => void;
}

/**
 * Fills the other regions' history from `from` to now through the public intake, hour by hour at the rate
 * the live feed uses (federal-rate.ts), then moves every complaint along its plan up to now through the public
 * transition path.
 */
export async function runFederalBackfill(
  ctx: AppContext,
  generator: FederalGenerator,
  options: FederalBackfillOptions,
): Promise<{ created: number; until: Date }> {
  const end = ctx.now().getTime();
  const start = options.from.getTime();
  const hoursTotal = Math.max(0, Math.ceil((end - start) / HOUR_MS));
  let created = 0;
  let pending: ReturnType<FederalGenerator['make']>[] = [];
  const flush = async () => {
    for (let offset = 0; offset < pending.length; offset += COMPLAINT_BATCH) {
      const results = await recordComplaints(ctx, pending.slice(offset, offset + COMPLAINT_BATCH));
      created += results.filter((r) => r.status === 'created').length;
    }
    pending = [];
  };
  for (let hour = start; hour < end; hour += HOUR_MS) {
    if (options.shouldStop?.()) break;
    const span = Math.min(HOUR_MS, end - hour);
    const mid = new Date(hour + span / 2);
    generator.centers.forEach((center) => {
      const n = options.rng.poisson(
        federalPerHour(center, options.homeRatePerSecond, mid) * (span / HOUR_MS),
      );
      for (let k = 0; k < n; k++)
        pending.push(generator.make(center, new Date(hour + options.rng.next() * span), options.rng));
    });
    if (pending.length >= COMPLAINT_BATCH) {
      await flush();
      options.onProgress?.(Math.ceil((hour + span - start) / HOUR_MS), hoursTotal);
    }
  }
  await flush();
  let moved = 0;
  // Each pass walks every open complaint of the feed; a resolved one drops out, so a few passes settle all.
  for (let pass = 0; pass < 3 && !options.shouldStop?.(); pass++) {
    const n = await progressFederal(ctx, generator.idPrefix, 1_000);
    moved += n;
    if (n === 0) break;
  }
  options.onProgress?.(hoursTotal, hoursTotal);
  ctx.log.info(
    { created, transitions: moved, from: options.from.toISOString() },
    'simulator: federal history ready',
  );
  return { created, until: new Date(end) };
}
