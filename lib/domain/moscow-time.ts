import { TZDate } from '@date-fns/tz';
import { DAY_MS, HOUR_MS } from './time-units';

/*
 * The region lives on Moscow time whatever the server's zone: "today" starts at midnight Europe/Moscow. This is the
 * one place that turns instants into Moscow calendar days and back. Europe/Moscow has been UTC+3 without DST since
 * 26 Oct 2014, so from then on plain arithmetic is exact and fast (intake and the rollup delta run it for every
 * complaint); earlier instants go through the tz database via @date-fns/tz, which knows the older UTC+4 and DST.
 */

export const MOSCOW_TZ = 'Europe/Moscow';

const OFFSET_MS = 3 * HOUR_MS;
/** 2014-10-26 02:00 MSK (UTC+4) = 2014-10-25T22:00Z: clocks went back to UTC+3 for good. */
const FIXED_OFFSET_SINCE_MS = Date.UTC(2014, 9, 25, 22);
/** The first Moscow day that began at UTC+3 (2014-10-27; 26 Oct itself began at UTC+4). */
const FIXED_OFFSET_FIRST_DAY = Date.UTC(2014, 9, 27) / DAY_MS;

/** The Moscow calendar date on which the instant falls, as days since 1970-01-01 (lib/calendar counts in these). */
export function moscowDayNumber(at: Date): number {
  const t = at.getTime();
  if (t >= FIXED_OFFSET_SINCE_MS) return Math.floor((t + OFFSET_MS) / DAY_MS);
  const local = new TZDate(t, MOSCOW_TZ);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY_MS;
}

/** The instant at which the given Moscow calendar date begins (00:00 Moscow time). */
export function moscowMidnight(day: number): Date {
  if (day >= FIXED_OFFSET_FIRST_DAY) return new Date(day * DAY_MS - OFFSET_MS);
  const date = new Date(day * DAY_MS);
  const local = new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), MOSCOW_TZ);
  return new Date(local.getTime());
}

/** YYYY-MM-DD of the Moscow calendar day of `at` (the key of per-day series and daily rollups). */
export function moscowDate(at: Date): string {
  return new Date(moscowDayNumber(at) * DAY_MS).toISOString().slice(0, 10);
}

/** 00:00 Moscow time of the day holding `at`. */
export function startOfMoscowDay(at: Date): Date {
  return moscowMidnight(moscowDayNumber(at));
}

/** Monday 00:00 Moscow time of the week holding `now`. */
export function startOfMoscowWeek(now: Date): Date {
  const day = moscowDayNumber(now);
  // Day 0 (1970-01-01) was a Thursday: +3 makes Monday 0.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return moscowMidnight(day - sinceMonday);
}

/** The Moscow dates of the `days` days ending today, oldest first. */
export function lastMoscowDates(now: Date, days: number): string[] {
  const today = moscowDayNumber(now);
  return Array.from({ length: days }, (_, i) =>
    new Date((today - (days - 1 - i)) * DAY_MS).toISOString().slice(0, 10),
  );
}
