import { lastMoscowDates } from '../domain/moscow-time';

/** A center that sent nothing for this long is shown silent. */
export const FEDERAL_LIVE_MINUTES = 15;
/** Days of the trend sparkline and of the weekly figures, today included. */
export const FEDERAL_TREND_DAYS = 7;

export function federalDays(now: Date): string[] {
  return lastMoscowDates(now, FEDERAL_TREND_DAYS);
}

export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
