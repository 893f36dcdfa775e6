import { DAY_MS } from '../domain/time-units';
import { addWeeks, formatIsoWeek, isoWeekOf, startOfIsoWeek, type IsoWeek } from './week';

const TZ = 'Europe/Moscow';
const DAY = new Intl.DateTimeFormat('ru-RU', { timeZone: TZ, day: 'numeric' });
const DAY_MONTH = new Intl.DateTimeFormat('ru-RU', { timeZone: TZ, day: 'numeric', month: 'long' });
const YEAR = new Intl.DateTimeFormat('ru-RU', { timeZone: TZ, year: 'numeric' });
const MONTH = new Intl.DateTimeFormat('ru-RU', { timeZone: TZ, month: 'numeric' });

/**
 * «16–22 ноября 2026», «30 ноября – 6 декабря 2026», «29 декабря 2025 – 4 января 2026»: the dates of a week as
 * a briefing title says them (Monday to Sunday; the end is exclusive, so Sunday is end − 1 day).
 */
export function weekRangeLabelRu(start: Date, endExclusive: Date): string {
  const last = new Date(endExclusive.getTime() - DAY_MS);
  const [y1, y2] = [YEAR.format(start), YEAR.format(last)];
  if (y1 !== y2) return `${DAY_MONTH.format(start)} ${y1} – ${DAY_MONTH.format(last)} ${y2}`;
  if (MONTH.format(start) !== MONTH.format(last))
    return `${DAY_MONTH.format(start)} – ${DAY_MONTH.format(last)} ${y2}`;
  return `${DAY.format(start)}–${DAY_MONTH.format(last)} ${y2}`;
}

export function isoWeekLabelRu(week: IsoWeek): string {
  const start = startOfIsoWeek(week);
  return weekRangeLabelRu(start, new Date(start.getTime() + 7 * DAY_MS));
}

export interface WeekOption {
  id: string;
  label: string;
  /** The week under way (counted to the last whole hour). */
  current: boolean;
}

/** The picker's choices: the week under way, then the `count` complete weeks before it, newest first. */
export function weekOptions(now: Date, count = 12): WeekOption[] {
  const current = isoWeekOf(now);
  return Array.from({ length: count + 1 }, (_, i) => {
    const week = addWeeks(current, -i);
    return { id: formatIsoWeek(week), label: isoWeekLabelRu(week), current: i === 0 };
  });
}
