/** Moscow has kept UTC+3 all year since 2014-10-26, and intake refuses anything older than 5 years. */
const MOSCOW_OFFSET_MS = 3 * 3600_000;

/**
 * YYYY-MM-DD of the Moscow day of `at`: the same answer as moscowDate() without building a time-zone date,
 * since the intake's rollup delta calls it for every complaint.
 */
export function moscowDayKey(at: Date): string {
  return new Date(at.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}
