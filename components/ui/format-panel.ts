/** Wording of the block panel that is not a plain number: ages, rates, place names, Moscow dates. */
import { formatDurationRu, NBSP } from '../../lib/i18n/format-ru';

const RATE_FORMAT = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const RATIO_FORMAT = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
const DATE_KEY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const WEEKDAYS = ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'] as const;

/** Complaints per 10,000 residents: always one decimal, so the column of a ranking lines up. */
export function formatPer10k(n: number): string {
  return RATE_FORMAT.format(n);
}

/** «в 3,2 раза»: a ratio read aloud; Russian takes «раза» after any fraction and 2–4, «раз» otherwise. */
export function formatTimesRu(ratio: number): string {
  const rounded = Math.round(ratio * 10) / 10;
  const whole = Number.isInteger(rounded);
  const mod10 = rounded % 10;
  const mod100 = rounded % 100;
  const form = !whole || (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) ? 'раза' : 'раз';
  return `в${NBSP}${RATIO_FORMAT.format(rounded)}${NBSP}${form}`;
}

/** «12 с назад» under a minute (the room watches it tick), then «4 мин назад», «2 ч 15 мин назад». */
export function formatAgeRu(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1_000);
  if (seconds < 60) return `${seconds}${NBSP}с назад`;
  return `${formatDurationRu(ms)} назад`;
}

/** The Moscow calendar date of an instant, YYYY-MM-DD: what «today» means on the wall wherever the PC is. */
export function moscowDateKey(at: number): string {
  return DATE_KEY_FORMAT.format(new Date(at));
}

/** «пн», «вт»… of a YYYY-MM-DD date (a calendar date: read at noon UTC, so no zone can shift its weekday). */
export function weekdayShort(dateKey: string): string {
  return WEEKDAYS[new Date(`${dateKey}T12:00:00Z`).getUTCDay()] ?? '';
}

/** Day of the month of a YYYY-MM-DD date. */
export function dayOfMonth(dateKey: string): number {
  return Number(dateKey.slice(8, 10));
}
