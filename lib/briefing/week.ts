import { TZDate } from '@date-fns/tz';
import { MOSCOW_TZ, moscowDate } from '../domain/moscow-time';
import { DAY_MS, HOUR_MS, WEEK_MS, floorTo } from '../domain/time-units';

/**
 * ISO weeks on Moscow time: a briefing week runs from Monday 00:00 to the next Monday 00:00 Europe/Moscow and is
 * addressed as `2026-W47`. The ISO year can differ from the calendar year near New Year (29 Dec 2025 is
 * 2026-W01, 1 Jan 2027 is 2026-W53), so both directions go through the ISO rules, never through getFullYear.
 */

export const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

export interface IsoWeek {
  year: number;
  week: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${pad(week)}`;
}

/** Day of the week of a proleptic Gregorian date, 1 = Monday … 7 = Sunday. */
function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekday(year, 1, 1);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** The Monday (as a UTC calendar date) of ISO week 1: the week holding 4 January. */
function mondayOfWeekOne(year: number): Date {
  const jan4 = isoWeekday(year, 1, 4);
  return new Date(Date.UTC(year, 0, 4 - (jan4 - 1)));
}

/** Monday 00:00 Moscow time of an ISO week. */
export function startOfIsoWeek({ year, week }: IsoWeek): Date {
  const monday = new Date(mondayOfWeekOne(year).getTime() + (week - 1) * WEEK_MS);
  return new Date(
    new TZDate(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate(), MOSCOW_TZ).getTime(),
  );
}

/** The ISO week holding an instant, on the Moscow calendar. */
export function isoWeekOf(at: Date): IsoWeek {
  const local = new TZDate(at.getTime(), MOSCOW_TZ);
  const [y, m, d] = [local.getFullYear(), local.getMonth() + 1, local.getDate()];
  // The Thursday of the week decides its ISO year.
  const thursday = new Date(Date.UTC(y, m - 1, d) + (4 - isoWeekday(y, m, d)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return { year, week };
}

export type WeekParse = { ok: true; week: IsoWeek } | { ok: false; message: string };

/** `2026-W47` → the week; anything else → why not (the message goes to the API's field error). */
export function parseIsoWeek(text: string): WeekParse {
  const match = WEEK_PATTERN.exec(text.trim());
  if (!match) return { ok: false, message: 'must be an ISO week like 2026-W47' };
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2100) return { ok: false, message: 'year must be between 2000 and 2100' };
  const weeks = isoWeeksInYear(year);
  if (week < 1 || week > weeks)
    return { ok: false, message: `week must be between 01 and ${weeks} in ${year}` };
  return { ok: true, week: { year, week } };
}

export function addWeeks(week: IsoWeek, n: number): IsoWeek {
  return isoWeekOf(new Date(startOfIsoWeek(week).getTime() + n * WEEK_MS + 3 * DAY_MS));
}

/** The last complete week: what the Monday meeting looks back on. */
export function defaultWeek(now: Date): IsoWeek {
  return addWeeks(isoWeekOf(now), -1);
}

/**
 * The span a briefing counts: the whole week, or for the week under way the whole hours so far (every rollup
 * is hourly, so the comparison with the week before covers exactly the same span).
 */
export interface WeekWindow {
  week: IsoWeek;
  id: string;
  start: Date;
  /** Exclusive. */
  end: Date;
  complete: boolean;
}

export function weekWindow(week: IsoWeek, now: Date): WeekWindow {
  const start = startOfIsoWeek(week);
  const fullEnd = new Date(start.getTime() + WEEK_MS);
  const complete = fullEnd.getTime() <= now.getTime();
  const end = complete ? fullEnd : new Date(Math.max(start.getTime(), floorTo(now, HOUR_MS).getTime()));
  return { week, id: formatIsoWeek(week), start, end, complete };
}

/** The same span one week earlier. */
export function previousWindow(w: WeekWindow): WeekWindow {
  const week = addWeeks(w.week, -1);
  return {
    week,
    id: formatIsoWeek(week),
    start: new Date(w.start.getTime() - WEEK_MS),
    end: new Date(w.end.getTime() - WEEK_MS),
    complete: true,
  };
}

/** Moscow dates (YYYY-MM-DD) the window touches: the keys of the daily rollups. */
export function windowDates(w: WeekWindow): { from: string; to: string } {
  return {
    from: moscowDate(w.start),
    to: moscowDate(new Date(Math.max(w.start.getTime(), w.end.getTime() - 1))),
  };
}

/** Weeks a briefing may be asked for: not before 2000 and not after the week under way. */
export function checkWeekAllowed(week: IsoWeek, now: Date): string | null {
  if (startOfIsoWeek(week).getTime() > now.getTime()) return 'must not be a future week';
  return null;
}
