import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';

/** The region lives on Moscow time whatever the server's zone: "today" starts at midnight Europe/Moscow. */
export const MOSCOW_TZ = 'Europe/Moscow';

export function startOfMoscowDay(at: Date): Date {
  return new Date(startOfDay(new TZDate(at.getTime(), MOSCOW_TZ)).getTime());
}

export function moscowHour(at: Date): number {
  return new TZDate(at.getTime(), MOSCOW_TZ).getHours();
}
