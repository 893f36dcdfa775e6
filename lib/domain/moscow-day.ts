import { TZDate } from '@date-fns/tz';
import { MOSCOW_TZ } from './moscow-time';
import { DAY_MS, HOUR_MS } from './time-units';

/*
 * Moscow calendar dates of instants and back. Europe/Moscow has been UTC+3 without DST since 26 Oct 2014, so
 * from then on plain arithmetic is exact and fast (intake runs this for every complaint); earlier instants go
 * through the tz database via @date-fns/tz, which knows the older UTC+4 and DST periods.
 */

const OFFSET_MS = 3 * HOUR_MS;
/** 2014-10-26 02:00 MSK (UTC+4) = 2014-10-25T22:00Z: clocks went back to UTC+3 for good. */
const FIXED_OFFSET_SINCE_MS = Date.UTC(2014, 9, 25, 22);
/** The first Moscow day that began at UTC+3 (2014-10-27; 26 Oct itself began at UTC+4). */
const FIXED_OFFSET_FIRST_DAY = Date.UTC(2014, 9, 27) / DAY_MS;

/** The Moscow calendar date (as a day number, see calendar-day.ts) on which the instant falls. */
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
