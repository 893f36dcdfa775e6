import { DAY_MS } from '../domain/time-units';

/*
 * Calendar dates as day numbers: whole days since 1970-01-01, a plain integer that is cheap to step through,
 * compare and use as a cache key. A day number names a calendar date, not an instant: which instant starts it
 * depends on the zone (see moscow-day.ts).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → day number; throws RangeError on a malformed or non-existent date such as 2025-02-30. */
export function isoDateToDayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${isoDate}"`);
  const year = Number(m[1]);
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  const ms = Date.UTC(year, month, day);
  const check = new Date(ms);
  // Date.UTC rolls 30 Feb over into March; a real date survives the round trip unchanged.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month || check.getUTCDate() !== day) {
    throw new RangeError(`No such calendar date: "${isoDate}"`);
  }
  return ms / DAY_MS;
}

export function dayNumberToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay; 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekendDayNumber(day: number): boolean {
  const weekday = weekdayOfDayNumber(day);
  return weekday === 0 || weekday === 6;
}

export function yearOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function firstDayNumberOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}
