import { HOUR_MS, MEAN_INCIDENT_SIZE } from './incidents';
import { mixSeed } from './random';
import { rhythm } from './rhythm';

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  min: 60,
  m: 60,
  h: 3600,
  hour: 3600,
  day: 86_400,
  week: 604_800,
};

/** The live simulator's highest supported rate: one tick of 250 ms then carries ~1,250 complaints. */
export const MAX_RATE_PER_SECOND = 5000;
export const WEEK_MS = 7 * 24 * HOUR_MS;
/** How far a week's level strays from the mean (a clamped normal): week-over-week has something to show. */
const WEEK_LEVEL_SD = 0.03;
const WEEK_LEVEL_MAX = 0.06;

/**
 * Parses `N/s`, `N/min`, `N/h`, `N/day` or `N/week` (N may be a decimal) into complaints per second.
 * Rejects zero, negatives, unknown units and rates above 5000/s with a message that names the input.
 */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*([a-z]+)\s*$/i.exec(text);
  const unit = match?.[2]?.toLowerCase();
  const seconds = unit === undefined ? undefined : UNIT_SECONDS[unit];
  if (!match || seconds === undefined) {
    throw new Error(
      `Invalid simulator rate "${text}": expected N/s, N/min, N/h, N/day or N/week, e.g. 12000/week`,
    );
  }
  const perSecond = Number(match[1]) / seconds;
  if (!(perSecond > 0)) throw new Error(`Invalid simulator rate "${text}": must be greater than zero`);
  if (perSecond > MAX_RATE_PER_SECOND) {
    throw new Error(`Invalid simulator rate "${text}": at most ${MAX_RATE_PER_SECOND}/s is supported`);
  }
  return perSecond;
}

/**
 * The one intake model the history and the live stream share, so that "a week ago" after a restart compares
 * like with like: a mean rate over the week (incidents included), the Moscow-time rhythm, a level per calendar
 * week drawn from the seed, and incident bursts on top of the normal flow.
 */
export interface RateModel {
  /** Mean complaints per second over a whole week, incidents included (SIMULATOR_RATE). */
  ratePerSecond: number;
  incidentsPerDay: number;
  /** Draws each week's level: the backfill and a live stream of the same seed agree on it. */
  seed: number;
}

export const weeklyVolumeOf = (model: Pick<RateModel, 'ratePerSecond'>): number =>
  (model.ratePerSecond * WEEK_MS) / 1000;

/** The share of a week's messages that incident bursts bring (at most 30 %: the rest is the normal flow). */
function incidentShare(model: RateModel): number {
  return Math.min(0.3, (model.incidentsPerDay * 7 * MEAN_INCIDENT_SIZE) / Math.max(1, weeklyVolumeOf(model)));
}

/** The level of the calendar week holding `at` (weeks counted from the epoch), about 1 ± 3 %. */
export function weekLevel(model: RateModel, at: Date): number {
  const week = Math.floor(at.getTime() / WEEK_MS);
  // Box–Muller from two hashed uniforms: stateless, so any process finds the same level for the same week.
  const u1 = (mixSeed(model.seed, week, 1) + 1) / 4_294_967_297;
  const u2 = mixSeed(model.seed, week, 2) / 4_294_967_296;
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return 1 + Math.max(-WEEK_LEVEL_MAX, Math.min(WEEK_LEVEL_MAX, z * WEEK_LEVEL_SD));
}

/** Expected messages of the normal flow per hour at `at` (incidents come on top, as bursts). */
export function normalFlowPerHour(model: RateModel, at: Date): number {
  const meanHourly = (model.ratePerSecond * HOUR_MS) / 1000;
  return meanHourly * (1 - incidentShare(model)) * weekLevel(model, at) * rhythm(at);
}
