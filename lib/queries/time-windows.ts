import { startOfMoscowDay } from '../time/moscow';

const MINUTE_MS = 60_000;

/** The windows the wall counts over; rollup and raw queries share them so their answers are equal. */
export function summaryWindows(now: Date): { dayStart: Date; hourStart: Date } {
  const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  // "Last hour" = the current minute and the 59 before it: whole minute buckets, so the rollup is exact.
  return { dayStart: startOfMoscowDay(now), hourStart: new Date(minute - 59 * MINUTE_MS) };
}
