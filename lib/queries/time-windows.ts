import { startOfMoscowDay } from '../time/moscow';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
export const WEEK_MS = 7 * 24 * HOUR_MS;

export interface SummaryWindows {
  dayStart: Date;
  hourStart: Date;
  /** The same windows a week earlier: today from dayStart to `now`, the last hour from hourStart. */
  weekAgo: { now: Date; dayStart: Date; hourStart: Date; hourFloor: Date };
}

/** The windows the wall counts over; rollup and raw queries share them so their answers are equal. */
export function summaryWindows(now: Date): SummaryWindows {
  const minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  // "Last hour" = the current minute and the 59 before it: whole minute buckets, so the rollup is exact.
  const hourStart = new Date(minute - 59 * MINUTE_MS);
  const dayStart = startOfMoscowDay(now);
  // Moscow has no daylight saving time: the week-ago windows are the same ones shifted by exactly 7 × 24 h.
  const ago = now.getTime() - WEEK_MS;
  return {
    dayStart,
    hourStart,
    weekAgo: {
      now: new Date(Math.floor(ago / MINUTE_MS) * MINUTE_MS),
      dayStart: new Date(dayStart.getTime() - WEEK_MS),
      hourStart: new Date(hourStart.getTime() - WEEK_MS),
      hourFloor: new Date(Math.floor(ago / HOUR_MS) * HOUR_MS),
    },
  };
}
