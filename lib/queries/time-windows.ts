import { startOfMoscowDay } from '../domain/moscow-time';

import { HOUR_MS, MINUTE_MS, WEEK_MS, floorTo } from '../domain/time-units';

export interface SummaryWindows {
  dayStart: Date;
  hourStart: Date;
  /** The same windows a week earlier: today from dayStart to `now`, the last hour from hourStart. */
  weekAgo: { now: Date; dayStart: Date; hourStart: Date; hourFloor: Date };
}

/** The windows the wall counts over; rollup and raw queries share them so their answers are equal. */
export function summaryWindows(now: Date): SummaryWindows {
  const minute = floorTo(now, MINUTE_MS).getTime();
  // "Last hour" = the current minute and the 59 before it: whole minute buckets, so the rollup is exact.
  const hourStart = new Date(minute - 59 * MINUTE_MS);
  const dayStart = startOfMoscowDay(now);
  // Moscow has no daylight saving time: the week-ago windows are the same ones shifted by exactly 7 × 24 h.
  const ago = now.getTime() - WEEK_MS;
  return {
    dayStart,
    hourStart,
    weekAgo: {
      now: floorTo(new Date(ago), MINUTE_MS),
      dayStart: new Date(dayStart.getTime() - WEEK_MS),
      hourStart: new Date(hourStart.getTime() - WEEK_MS),
      hourFloor: floorTo(new Date(ago), HOUR_MS),
    },
  };
}
