import { z } from 'zod';

/** ISO 8601 date-time that names its offset (`Z` or `±hh:mm`): a local time is ambiguous for the SLA clock. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?.*?(Z|[+-](\d{2}):?(\d{2}))$/;

/** Times a request may name: anything outside is a default value or a unit mix-up, not a complaint's time. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why a string the pattern accepts is still not a real instant, or null. `Date.parse` rolls «2026-11-31» over
 * to 1 December and reads year 0000; both would be stored as something the sender did not say.
 */
export function calendarFault(value: string): string | null {
  const m = PARTS.exec(value);
  if (!m) return 'is not a valid date-time';
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) =>
    Number(v ?? '0'),
  ) as [number, number, number, number, number, number];
  if (year < MIN_YEAR || year > MAX_YEAR)
    return `is not a valid date-time (the year must be from ${MIN_YEAR} to ${MAX_YEAR})`;
  if (month < 1 || month > 12) return 'is not a valid date-time (the month must be 01 to 12)';
  const days = daysIn(year, month);
  if (day < 1 || day > days) return `is not a valid date-time (${m[1]}-${m[2]} has ${days} days)`;
  if (hour > 23 || minute > 59 || second > 59)
    return 'is not a valid date-time (the time of day must be 00:00 to 23:59:59)';
  if (m[7] !== 'Z' && (Number(m[8]) > 14 || Number(m[9]) > 59))
    return 'is not a valid date-time (the offset must be at most ±14:59)';
  return Number.isNaN(Date.parse(value)) ? 'is not a valid date-time' : null;
}

/** A date-time field of the API: a string with an explicit offset that names a real calendar instant. */
export const isoDateTimeWithOffset = (example: string) =>
  z
    .string({ message: 'must be a string' })
    .regex(ISO_WITH_OFFSET, `must be an ISO 8601 date-time with an offset, e.g. ${example}`)
    .superRefine((value, ctx) => {
      // The pattern's own issue already says what is wrong with a malformed string.
      if (!ISO_WITH_OFFSET.test(value)) return;
      const fault = calendarFault(value);
      if (fault) ctx.addIssue({ code: 'custom', message: fault });
    });
