import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context';
import { reconstructBacklogHistory } from '../rollups/backlog-history';
import { countComplaints, lastSimulatedAt } from './count-complaints';
import { runBackfill, type BackfillResult, type ProgressCallback } from './backfill';
import type { Incident } from './incidents';
import { createComplaintFactory, type CategoryInfo } from './generator';
import { createPlacer, loadTowns, type Town } from './geography';
import { createLiveLoop, type LiveLoop } from './live';
import { createRng, mixSeed } from './random';
import { WEEK_MS, weeklyVolumeOf, type RateModel } from './rate';
import { regionDirectory } from '../federal/region-directory';
import { FEDERAL_BACKFILL_DAYS, runFederalBackfill } from './federal-backfill';
import {
  createFederalFeed,
  createFederalGenerator,
  FEDERAL_ID_PREFIX,
  type FederalFeed,
  type FederalGenerator,
} from './federal-feed';

export interface SimulatorOptions {
  /**
   * Mean intake over a week, complaints per second, incidents included (SIMULATOR_RATE, see parseRate): the
   * history and the live stream both follow it, modulated by the same daily and weekly rhythm.
   */
  ratePerSecond: number;
  /** Fixes the random stream (tests, reproducible demos); a random one by default. */
  seed?: number;
  /** Weeks of history to create in an empty database; 0 disables the backfill. Default 8. */
  backfillWeeks?: number;
  /** Local incidents (bursts of one complaint type in one town) per day. Default 1.5. */
  incidentsPerDay?: number;
  /** The gazetteer of towns; read from public/geo by default. */
  towns?: readonly Town[];
  /**
   * Also feed the other regions' centers through the same intake (complaints with a `region`, for the
   * federal view /russia) with a light 14-day history. Default true.
   */
  federal?: boolean;
  /** Days of the other regions' history (default FEDERAL_BACKFILL_DAYS, 8); 0 leaves it out. */
  federalDays?: number;
  /** The longest span one live tick covers (default 2 s): a test's accelerated clock needs more. */
  maxCatchUpMs?: number;
}

interface BackfillOutcome {
  /** `history`: an empty database got its weeks; `gap`: the time since the last run was filled. */
  kind: 'history' | 'gap';
  created: number;
}

type FederalProgress = (hoursDone: number, hoursTotal: number) => void;

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** The rhythm's week levels when no seed is given: fixed, so a restarted server continues the same weeks. */
const DEFAULT_LEVEL_SEED = 0x5eed_0715;

/** A history larger than this is not written at start (at 12,000 a week two years are 1.25 million). */
const MAX_HISTORY_COMPLAINTS = 1_500_000;
/** A restart sooner than this after the last message needs no gap filling: the live stream's first tick covers it. */
const MIN_GAP_MS = 60_000;

export interface Simulator {
  /**
   * Brings the history up to now: an empty database gets `backfillWeeks` of it; a database the simulator wrote
   * before gets the time since its last message (at most `backfillWeeks`). Null when there was nothing to do
   * (backfill off, a database of real complaints only, or a restart within a minute).
   */
  backfill(onProgress?: ProgressCallback): Promise<BackfillOutcome | null>;
  /**
   * The other regions' history (the federal view), from the last federal message or FEDERAL_BACKFILL_DAYS back
   * to now; the server runs it after `ready` (the wall does not wait for it). Null when there is no federal feed
   * or the simulator has no history of its own.
   */
  backfillFederal(onProgress?: FederalProgress): Promise<{ created: number } | null>;
  /** Starts the live stream of new complaints and lifecycle progress (the federal feed after its history). */
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
  const model: RateModel = {
    ratePerSecond: options.ratePerSecond,
    incidentsPerDay: options.incidentsPerDay ?? 1.5,
    seed: options.seed ?? DEFAULT_LEVEL_SEED,
  };
  const weeklyVolume = weeklyVolumeOf(model);
  const categories: CategoryInfo[] = [...ctx.reference.categories.values()].map((c) => ({
    code: c.code,
    blockCode: c.blockCode,
    kind: c.kind,
    deadlineHours: c.deadlineHours,
    duplicateRadiusM: c.duplicateRadiusM,
    duplicateWindowHours: c.duplicateWindowHours,
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
  let federalBackfilling: Promise<{ created: number; until: Date } | null> | null = null;
  let carriedIncidents: Incident[] = [];
  let historyUntil: Date | null = null;
  let federalUntil: Date | null = null;

  const historyWeeks = (): number => {
    const requested = options.backfillWeeks ?? 8;
    // A stress rate (thousands a second) cannot have weeks of history: as many whole days as fit, or none.
    return Math.min(requested, Math.floor((MAX_HISTORY_COMPLAINTS / weeklyVolume) * 7) / 7);
  };

  /** Where the home history should start now, or null: nothing to fill. */
  async function homeFrom(weeks: number): Promise<{ from: Date; kind: BackfillOutcome['kind'] } | null> {
    const now = ctx.now().getTime();
    const earliest = now - weeks * WEEK_MS;
    const last = await lastSimulatedAt(ctx.db, SIMULATOR_ID_PREFIX, 'home');
    if (last) {
      historyUntil = last;
      if (now - last.getTime() < MIN_GAP_MS) return null;
      return { from: new Date(Math.max(earliest, last.getTime() + 1)), kind: 'gap' };
    }
    // Real complaints and no simulated ones: the simulator adds a live stream, never a made-up past.
    if ((await countComplaints(ctx.db)) > 0) return null;
    return { from: new Date(earliest), kind: 'history' };
  }

  async function fillFederal(
    generator: FederalGenerator,
    onProgress?: FederalProgress,
  ): Promise<{ created: number; until: Date } | null> {
    const weeks = historyWeeks();
    if (weeks <= 0) return null;
    const now = ctx.now().getTime();
    const days = options.federalDays ?? FEDERAL_BACKFILL_DAYS;
    if (days <= 0) return null;
    const earliest = now - Math.min(days * DAY_MS, weeks * WEEK_MS);
    const last = await lastSimulatedAt(ctx.db, FEDERAL_ID_PREFIX, 'foreign');
    // Other regions' history only beside the simulator's own (not into a database of real complaints).
    if (!last && !historyUntil) return null;
    if (last && now - last.getTime() < MIN_GAP_MS) return { created: 0, until: last };
    return runFederalBackfill(ctx, generator, {
      from: new Date(Math.max(earliest, (last?.getTime() ?? 0) + 1)),
      homeRatePerSecond: model.ratePerSecond,
      rng: createRng(mixSeed(seed, 3, now)),
      shouldStop: () => stopped,
      onProgress,
    });
  }

  return {
    async backfill(onProgress) {
      const weeks = historyWeeks();
      if ((options.backfillWeeks ?? 8) <= 0) return null;
      if (weeks < 1 / 7) {
        ctx.log.warn({ weeklyVolume }, 'simulator: the rate is too high for a history; no backfill');
        return null;
      }
      const plan = await homeFrom(weeks);
      if (!plan) return null;
      backfilling = runBackfill(
        ctx,
        {
          from: plan.from,
          model,
          rng: createRng(mixSeed(seed, 1, plan.from.getTime())),
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
        historyUntil = result.until;
        // The hours of the gap had no SLA clock to record their backlog: the replay and "a week ago" need them.
        if (
          plan.kind === 'gap' &&
          Math.floor(plan.from.getTime() / HOUR_MS) < Math.floor(result.until.getTime() / HOUR_MS)
        )
          await ctx.writer.run(0, () => reconstructBacklogHistory(ctx.db, plan.from, result.until));
        return { kind: plan.kind, created: result.created };
      } finally {
        backfilling = null;
      }
    },
    async backfillFederal(onProgress) {
      if (!federal || stopped) return null;
      federalBackfilling = fillFederal(federal, onProgress);
      try {
        const result = await federalBackfilling;
        federalUntil = result?.until ?? null;
        return result && { created: result.created };
      } finally {
        federalBackfilling = null;
      }
    },
    start() {
      stopped = false;
      live ??= createLiveLoop(ctx, factory, placer, createRng(mixSeed(seed, 2)), categoryCodes, {
        model,
        since: historyUntil ?? undefined,
        maxCatchUpMs: options.maxCatchUpMs,
        externalIdPrefix: SIMULATOR_ID_PREFIX,
        initialIncidents: carriedIncidents,
        unlabelled: true,
      });
      live.start();
      if (!federal) return;
      // The other regions stream once their history is written: the feed goes on from where it ends.
      void (federalBackfilling ?? Promise.resolve()).then(() => {
        if (stopped) return;
        federalFeed ??= createFederalFeed(ctx, federal, createRng(mixSeed(seed, 4)), {
          homeRatePerSecond: model.ratePerSecond,
          since: federalUntil ?? undefined,
        });
        federalFeed.start();
      });
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
