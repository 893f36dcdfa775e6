import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context';
import { countComplaints } from './count-complaints';
import { runBackfill, type BackfillResult, type ProgressCallback } from './backfill';
import type { Incident } from './incidents';
import { createComplaintFactory, type CategoryInfo } from './generator';
import { createPlacer, loadTowns, type Town } from './geography';
import { createLiveLoop, type LiveLoop } from './live';
import { createRng, mixSeed } from './random';
import { regionDirectory } from '../federal/region-directory';
import { FEDERAL_BACKFILL_DAYS, runFederalBackfill } from './federal-backfill';
import {
  createFederalFeed,
  createFederalGenerator,
  FEDERAL_ID_PREFIX,
  type FederalFeed,
} from './federal-feed';

export interface SimulatorOptions {
  /** Mean live intake, complaints per second (see parseRate); the daily rhythm modulates it. */
  ratePerSecond: number;
  /** Fixes the random stream (tests, reproducible demos); a random one by default. */
  seed?: number;
  /** Weeks of history to create in an empty database; 0 disables the backfill. Default 8. */
  backfillWeeks?: number;
  /** Messages per week in the history, incidents included. Default 12,000 (Moscow Oblast scale). */
  weeklyVolume?: number;
  /** Local incidents (bursts of one complaint type in one town) per day. Default 1.5. */
  incidentsPerDay?: number;
  /** The gazetteer of towns; read from public/geo by default. */
  towns?: readonly Town[];
  /**
   * Also feed the other regions' centers through the same intake (complaints with a `region`, for the
   * federal view /russia) with a light 14-day history. Default true.
   */
  federal?: boolean;
}

export interface Simulator {
  /** Fills an empty database with history; null when it already holds complaints (or backfill is off). */
  backfillIfEmpty(onProgress?: ProgressCallback): Promise<{ created: number } | null>;
  /** Starts the live stream of new complaints and lifecycle progress. */
  start(): void;
  /** Stops both loops, waiting for a batch in flight; leaves no timers. */
  stop(): Promise<void>;
}

/** Every simulated externalId starts with this, so the lifecycle loop never touches real complaints. */
export const SIMULATOR_ID_PREFIX = 'sim-';

export function createSimulator(ctx: AppContext, options: SimulatorOptions): Simulator {
  if (!(options.ratePerSecond > 0))
    throw new Error('createSimulator(): ratePerSecond must be greater than zero');
  const seed = options.seed ?? randomBytes(4).readUInt32LE(0);
  const weeklyVolume = options.weeklyVolume ?? 12_000;
  const incidentsPerDay = options.incidentsPerDay ?? 1.5;
  const categories: CategoryInfo[] = [...ctx.reference.categories.values()].map((c) => ({
    code: c.code,
    blockCode: c.blockCode,
    kind: c.kind,
    deadlineHours: c.deadlineHours,
  }));
  const categoryCodes = new Set(categories.map((c) => c.code));
  const placer = createPlacer(
    [...ctx.reference.municipalities.values()],
    options.towns ?? loadTowns(),
    ctx.locator,
  );
  // The run id keeps externalIds unique per source across restarts, whatever the seed.
  const runId = `${ctx.now().getTime().toString(36)}${randomBytes(3).toString('hex')}`;
  const factory = createComplaintFactory({
    categories,
    sourceCodes: [...ctx.reference.sources.keys()],
    placer,
    idPrefix: `${SIMULATOR_ID_PREFIX}${runId}`,
  });
  const federal =
    options.federal === false
      ? null
      : createFederalGenerator(
          regionDirectory(),
          categories,
          new Set(ctx.reference.sources.keys()),
          `${FEDERAL_ID_PREFIX}${runId}`,
        );
  let federalFeed: FederalFeed | null = null;
  let live: LiveLoop | null = null;
  let stopped = false;
  let backfilling: Promise<BackfillResult> | null = null;
  let federalBackfilling: Promise<{ created: number }> | null = null;
  let carriedIncidents: Incident[] = [];

  return {
    async backfillIfEmpty(onProgress) {
      const weeks = options.backfillWeeks ?? 8;
      if (weeks <= 0) return null;
      if ((await countComplaints(ctx.db)) > 0) return null;
      backfilling = runBackfill(
        ctx,
        {
          weeks,
          weeklyVolume,
          incidentsPerDay,
          rng: createRng(mixSeed(seed, 1)),
          factory,
          placer,
          categoryCodes,
          shouldStop: () => stopped,
        },
        onProgress,
      );
      try {
        const result = await backfilling;
        carriedIncidents = result.openIncidents;
        if (!federal || stopped) return { created: result.created };
        const days = Math.min(FEDERAL_BACKFILL_DAYS, weeks * 7);
        federalBackfilling = runFederalBackfill(ctx, federal, {
          days,
          homeWeeklyVolume: weeklyVolume,
          rng: createRng(mixSeed(seed, 3)),
          shouldStop: () => stopped,
        });
        const other = await federalBackfilling;
        return { created: result.created + other.created };
      } finally {
        backfilling = null;
        federalBackfilling = null;
      }
    },
    start() {
      stopped = false;
      live ??= createLiveLoop(ctx, factory, placer, createRng(mixSeed(seed, 2)), categoryCodes, {
        ratePerSecond: options.ratePerSecond,
        incidentsPerDay,
        weeklyVolume,
        externalIdPrefix: SIMULATOR_ID_PREFIX,
        initialIncidents: carriedIncidents,
        unlabelled: true,
      });
      live.start();
      if (federal) {
        federalFeed ??= createFederalFeed(ctx, federal, createRng(mixSeed(seed, 4)), {
          homeRatePerSecond: options.ratePerSecond,
        });
        federalFeed.start();
      }
    },
    async stop() {
      stopped = true;
      await Promise.all([
        live?.stop(),
        federalFeed?.stop(),
        backfilling?.catch(() => null),
        federalBackfilling?.catch(() => null),
      ]);
    },
  };
}
