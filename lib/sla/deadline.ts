import { isWorkingDayNumber } from '../calendar/production-calendar';
import { HOUR_MS } from '../domain/time-units';
import { moscowDayNumber, moscowMidnight } from '../domain/moscow-time';

/** A category's deadline: `hours` of calendar time, unless `workingDays` of the production calendar is set. */
export interface DeadlineSpec {
  hours: number;
  workingDays: number | null;
}

/** The due time, and the time past which a complaint is very late (3× its deadline). */
export interface Deadlines {
  dueAt: Date;
  veryLateAt: Date;
}

/** Past this the cache is dropped: it only holds (date, N) pairs, so it refills with the few in use. */
const CACHE_LIMIT = 50_000;
/** N below this share a numeric cache key with the date; the schema allows 1–30. */
const KEY_SPAN = 4096;

interface WorkingDayEnds {
  dueMs: number;
  veryLateMs: number;
}

const cache = new Map<number, WorkingDayEnds>();

/** The day number of the n-th working day strictly after `day`. */
function nthWorkingDayAfter(day: number, n: number): number {
  let d = day;
  for (let counted = 0; counted < n;) {
    d++;
    if (isWorkingDayNumber(d)) counted++;
  }
  return d;
}

function workingDayEnds(receivedDay: number, n: number): WorkingDayEnds {
  const key = receivedDay * KEY_SPAN + n;
  const cached = n < KEY_SPAN ? cache.get(key) : undefined;
  if (cached) return cached;
  const dueDay = nthWorkingDayAfter(receivedDay, n);
  const veryLateDay = nthWorkingDayAfter(dueDay, 2 * n);
  // A working day ends when the next calendar day begins in Moscow.
  const ends = {
    dueMs: moscowMidnight(dueDay + 1).getTime(),
    veryLateMs: moscowMidnight(veryLateDay + 1).getTime(),
  };
  if (n < KEY_SPAN) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, ends);
  }
  return ends;
}

/**
 * Due and very-late times of a complaint received at `receivedAt`.
 *
 * In hours: calendar time, due after `hours`, very late after 3 × `hours`. In working days N: the count starts
 * on the first working day after the Moscow date of receipt (so a complaint received on a day off also starts
 * on the next working day); due at the end of the N-th working day (00:00 Moscow of the next calendar day),
 * very late at the end of the 3N-th. For years without a decreed calendar the Labour Code's rules stand in
 * (calendarYearKnown in lib/calendar/production-calendar.ts tells when that was the case).
 */
export function computeDeadlines(receivedAt: Date, spec: DeadlineSpec): Deadlines {
  const received = receivedAt.getTime();
  if (!Number.isFinite(received)) throw new RangeError('receivedAt is not a valid date');
  const n = spec.workingDays;
  if (n === null) {
    if (!(spec.hours > 0) || !Number.isFinite(spec.hours)) {
      throw new RangeError(`Deadline hours must be a positive number, got ${spec.hours}`);
    }
    return {
      dueAt: new Date(received + spec.hours * HOUR_MS),
      veryLateAt: new Date(received + 3 * spec.hours * HOUR_MS),
    };
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Deadline working days must be a positive whole number, got ${n}`);
  }
  const ends = workingDayEnds(moscowDayNumber(receivedAt), n);
  // Fresh Date objects each call: callers may mutate what they get.
  return { dueAt: new Date(ends.dueMs), veryLateAt: new Date(ends.veryLateMs) };
}

/**
 * Working days strictly after the Moscow date of `from` up to and including the Moscow date of `to` (0 when
 * `to` is not on a later date): with `from` = the due time, how many working days a complaint is overdue.
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const last = moscowDayNumber(to);
  let count = 0;
  for (let d = moscowDayNumber(from) + 1; d <= last; d++) if (isWorkingDayNumber(d)) count++;
  return count;
}
