import type { AppContext } from '../context';
import type { RegionDirectory } from '../federal/region-directory';
import { recordComplaints } from '../ingest/record-complaints';
import { recordTransitions } from '../lifecycle/record-transitions';
import type { TransitionInput } from '../lifecycle/types';
import { listProgressableComplaints, type ProgressableCursor } from './list-progressable-complaints';
import { federalCenters, pointNear, type FederalCenter } from './federal-centers';
import { dueForeignSteps } from './federal-plan';
import { createFederalTextFactory, type FederalTextFactory } from './federal-texts';
import type { CategoryInfo } from './generator';
import type { Rng } from './random';
import { federalPerHour } from './federal-rate';
import { batchTransitions } from './transitions';
import { describeError } from '../log/describe-error';

/** Every externalId the federal feed sends starts with this; its lifecycle loop moves only those. */
export const FEDERAL_ID_PREFIX = 'fed-';
/** A center goes silent (link down, operators away) this often per hour, for 20–90 minutes. */
export const OUTAGE_PER_HOUR = 0.015;
const OUTAGE_MIN_MS = 20 * 60_000;
const OUTAGE_MAX_MS = 90 * 60_000;
const HOUR_MS = 3_600_000;

export interface FederalFeedOptions {
  /** The home simulator's mean rate (complaints/s): the yardstick per head of urban population. */
  homeRatePerSecond: number;
  /** Where the federal history ends: the first tick covers the time since (at most an hour). */
  since?: Date;
  tickMs?: number;
  progressMs?: number;
}

export interface FederalFeed {
  start(): void;
  stop(): Promise<void>;
  /** Moves the feed's open complaints along their plans up to now; returns the transitions applied. */
  progress(): Promise<number>;
}

export interface FederalGenerator {
  /** Prefix of every externalId it makes. */
  idPrefix: string;
  centers: FederalCenter[];
  texts: FederalTextFactory;
  /** One complaint of `center` at `at`. */
  make(center: FederalCenter, at: Date, rng: Rng): ReturnType<FederalTextFactory['make']>;
}

export function createFederalGenerator(
  directory: RegionDirectory,
  categories: readonly CategoryInfo[],
  sources: ReadonlySet<string>,
  idPrefix: string,
): FederalGenerator {
  const centers = federalCenters(directory);
  const texts = createFederalTextFactory(categories, sources);
  let sequence = 0;
  return {
    idPrefix,
    centers,
    texts,
    make(center, at, rng) {
      const city = center.cities.draw(rng);
      sequence += 1;
      const point = rng.chance(0.85) ? pointNear(city, center.region, directory, rng) : null;
      return texts.make(center.region, city, point, at, rng, `${idPrefix}-${sequence.toString(36)}`);
    },
  };
}

/** Steps every open complaint of the feed whose plan has come due; a few bounded pages per call. */
export async function progressFederal(
  ctx: AppContext,
  prefix: string,
  maxPages = 20,
  pageSize = 2000,
): Promise<number> {
  const now = ctx.now();
  const inputs: TransitionInput[] = [];
  let cursor: ProgressableCursor | null = null;
  for (let page = 0; page < maxPages; page++) {
    const rows = await listProgressableComplaints(ctx.db, {
      after: cursor,
      limit: pageSize,
      externalIdPrefix: prefix,
      region: 'foreign',
    });
    for (const row of rows) if (row.regionCode) inputs.push(...dueForeignSteps(row, row.regionCode, now));
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) break;
    cursor = { dueAt: last.dueAt, id: last.id };
  }
  let applied = 0;
  for (const batch of batchTransitions(inputs)) {
    const results = await recordTransitions(ctx, batch);
    applied += results.filter((r) => r.status === 'applied').length;
  }
  return applied;
}

export function createFederalFeed(
  ctx: AppContext,
  generator: FederalGenerator,
  rng: Rng,
  options: FederalFeedOptions,
): FederalFeed {
  const tickMs = options.tickMs ?? 1_000;
  const progressMs = options.progressMs ?? 15_000;
  // Start in the steady state: about as many centers are already silent as the outage rate implies.
  const meanOutage = (OUTAGE_MIN_MS + OUTAGE_MAX_MS) / 2;
  const now0 = ctx.now().getTime();
  const silentUntil = generator.centers.map(() =>
    rng.chance((OUTAGE_PER_HOUR * meanOutage) / HOUR_MS) ? now0 + rng.uniform(0, meanOutage) : 0,
  );
  let running = false;
  let lastTick = Math.max(now0 - HOUR_MS, Math.min(now0, options.since?.getTime() ?? now0));
  let maxSpan = HOUR_MS;
  let timers: NodeJS.Timeout[] = [];
  let inFlight: Promise<unknown>[] = [];

  async function intakeTick(): Promise<void> {
    const now = ctx.now().getTime();
    const span = Math.min(now - lastTick, maxSpan);
    lastTick = now;
    // After the first tick (which covers the time since the history) a stall catches up 5 s at most.
    maxSpan = 5_000;
    if (span <= 0) return;
    const mid = new Date(now - span / 2);
    const items: ReturnType<FederalTextFactory['make']>[] = [];
    generator.centers.forEach((center, i) => {
      if (silentUntil[i]! > now) return;
      if (rng.chance((OUTAGE_PER_HOUR * span) / HOUR_MS)) {
        silentUntil[i] = now + rng.uniform(OUTAGE_MIN_MS, OUTAGE_MAX_MS);
        return;
      }
      const n = rng.poisson(federalPerHour(center, options.homeRatePerSecond, mid) * (span / HOUR_MS));
      for (let k = 0; k < n; k++) items.push(generator.make(center, new Date(now - rng.next() * span), rng));
    });
    if (items.length === 0) return;
    const results = await recordComplaints(ctx, items);
    const rejected = results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0)
      ctx.log.warn(
        { rejected: rejected.length, example: rejected[0]?.errors },
        'federal feed: intake rejected items',
      );
  }

  const loop = (every: number, fn: () => Promise<unknown>, label: string) => {
    const run = () => {
      if (!running) return;
      const timer = setTimeout(() => {
        const p = fn()
          .catch((err: unknown) =>
            ctx.log.error({ err: describeError(err) }, `federal feed: ${label} failed`),
          )
          .finally(() => {
            inFlight = inFlight.filter((q) => q !== p);
            run();
          });
        inFlight.push(p);
      }, every);
      timer.unref();
      timers.push(timer);
      timers = timers.slice(-4);
    };
    run();
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop(tickMs, intakeTick, 'intake tick');
      loop(progressMs, () => progressFederal(ctx, generator.idPrefix, 3), 'lifecycle tick');
    },
    async stop() {
      running = false;
      for (const t of timers) clearTimeout(t);
      timers = [];
      await Promise.all(inFlight);
    },
    progress: () => progressFederal(ctx, generator.idPrefix),
  };
}
