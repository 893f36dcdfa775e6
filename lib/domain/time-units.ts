/** Fixed durations in milliseconds; Moscow has no daylight saving time, so a day is always 24 h here. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;

/** The start of the `ms`-long bucket holding `at` (buckets counted from the Unix epoch, i.e. UTC). */
export function floorTo(at: Date, ms: number): Date {
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

export const floorHour = (at: Date) => floorTo(at, HOUR_MS);
