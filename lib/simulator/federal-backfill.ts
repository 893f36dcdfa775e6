import type { AppContext } from '../context';
import { recordComplaints } from '../ingest/record-complaints';
import { COMPLAINT_BATCH } from './backfill';
import { progressFederal, type FederalGenerator } from './federal-feed';
import type { Rng } from './random';
import { rhythm } from './rhythm';

const HOUR_MS = 3_600_000;
/** Days of the other regions' history: enough for the 7-day trend and a week to compare it with. */
export const FEDERAL_BACKFILL_DAYS = 14;
/**
 * The history is lighter than the live stream: per head of urban population a twentieth of the home
 * history's volume, with a floor of a dozen a day per center, so the backfill adds about a quarter to the
 * home history's start-up time.
 */
export const FEDERAL_BACKFILL_SHARE = 0.05;
const MIN_PER_DAY = 12;

export interface FederalBackfillOptions {
  days: number;
  /** The home history's weekly volume (the simulator's weeklyVolume). */
  homeWeeklyVolume: number;
  rng: Rng;
  shouldStop?: () => boolean;
}

/**
 * Fills the other regions' last `days` days through the public intake, hour by hour with the daily rhythm,
 * then moves every complaint along its plan up to now through the public transition path.
 */
export async function runFederalBackfill(
  ctx: AppContext,
  generator: FederalGenerator,
  options: FederalBackfillOptions,
): Promise<{ created: number }> {
  const end = ctx.now().getTime();
  const start = end - options.days * 24 * HOUR_MS;
  const perHour = generator.centers.map(
    (c) => Math.max(MIN_PER_DAY, (options.homeWeeklyVolume / 7) * c.weight * FEDERAL_BACKFILL_SHARE) / 24,
  );
  let created = 0;
  let pending: ReturnType<FederalGenerator['make']>[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const results = await recordComplaints(ctx, pending);
    created += results.filter((r) => r.status === 'created').length;
    pending = [];
  };
  for (let hour = start; hour < end; hour += HOUR_MS) {
    if (options.shouldStop?.()) break;
    const span = Math.min(HOUR_MS, end - hour);
    const level = rhythm(new Date(hour + span / 2));
    generator.centers.forEach((center, i) => {
      const n = options.rng.poisson(perHour[i]! * level * (span / HOUR_MS));
      for (let k = 0; k < n; k++)
        pending.push(generator.make(center, new Date(hour + options.rng.next() * span), options.rng));
    });
    if (pending.length >= COMPLAINT_BATCH) await flush();
  }
  await flush();
  let moved = 0;
  // Each pass walks every open complaint of the feed; a resolved one drops out, so a few passes settle all.
  for (let pass = 0; pass < 3 && !options.shouldStop?.(); pass++) {
    const n = await progressFederal(ctx, generator.idPrefix, 1_000);
    moved += n;
    if (n === 0) break;
  }
  ctx.log.info({ created, transitions: moved, days: options.days }, 'simulator: federal history ready');
  return { created };
}
