import { TZDate } from '@date-fns/tz';
import { startOfISOWeek } from 'date-fns';
import { MOSCOW_TZ, startOfMoscowDay } from './moscow-time';
import { DAY_MS, HOUR_MS, floorTo } from './time-units';

export const floorHour = (at: Date) => floorTo(at, HOUR_MS);

/** Monday 00:00 Moscow time of the week holding `now`. */
export function startOfMoscowWeek(now: Date): Date {
  return new Date(startOfISOWeek(new TZDate(now.getTime(), MOSCOW_TZ)).getTime());
}

/** YYYY-MM-DD of a Moscow calendar day (the key of per-day series). */
export function moscowDate(at: Date): string {
  const d = new TZDate(at.getTime(), MOSCOW_TZ);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The Moscow dates of the `days` days ending today, oldest first (Moscow has no DST: days are 24 h). */
export function lastMoscowDates(now: Date, days: number): string[] {
  const today = startOfMoscowDay(now).getTime();
  return Array.from({ length: days }, (_, i) => moscowDate(new Date(today - (days - 1 - i) * DAY_MS)));
}
