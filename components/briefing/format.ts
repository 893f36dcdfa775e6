/** Wording of the briefing slides (client-safe): shares, percentage points, Moscow times, Russian plurals. */
import { MINUS, NBSP, formatCountRu } from '../../lib/i18n/format-ru';
import { plural, type PluralForms } from '../../lib/i18n/plural';
import { describeChangeShort, type ChangeDirection } from '../../lib/stats/week-over-week';

export const COMPLAINTS: PluralForms = ['обращение', 'обращения', 'обращений'];
/** After «от», «из»: the genitive (от 1 обращения, от 30 обращений). */
export const COMPLAINTS_OF: PluralForms = ['обращения', 'обращений', 'обращений'];
/** After «из»: the genitive (из 1 решения, из 3 решений). */
export const RESOLUTIONS_OF: PluralForms = ['решения', 'решений', 'решений'];
export const PHOTOS: PluralForms = ['фото', 'фото', 'фото'];
export const ISSUES: PluralForms = ['вопрос', 'вопроса', 'вопросов'];

const ONE_DECIMAL = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const AS_OF = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const SHORT_DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'short',
});

const SINCE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** «18 нояб., 14:00»: when an incident began. */
export function formatSince(iso: string): string {
  return SINCE.format(new Date(iso));
}

/** «обычно 0–1», «обычно 3»: an incident's usual range for the same hours. */
export function usualRange(low: number, high: number): string {
  return low === high
    ? `обычно ${formatCountRu(low)}`
    : `обычно ${formatCountRu(low)}–${formatCountRu(high)}`;
}

export function formatOneDecimal(n: number): string {
  return ONE_DECIMAL.format(n);
}

/** «+3,2 п.п.», «−0,5 п.п.», «0 п.п.»: the change of a share, never a percent of a percent. */
export function describePointsChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { text: '—', direction: 'none' };
  const pp = Math.round((current - previous) * 1000) / 10;
  if (pp === 0) return { text: `0${NBSP}п.п.`, direction: 'flat' };
  const text = `${pp > 0 ? '+' : MINUS}${ONE_DECIMAL.format(Math.abs(pp))}${NBSP}п.п.`;
  return { text, direction: pp > 0 ? 'up' : 'down' };
}

export interface Change {
  text: string;
  direction: ChangeDirection;
}

/** A count's change as a badge: percent on a base worth it, the difference in complaints on a small one. */
export function describeCountChange(current: number | null, previous: number | null): Change {
  if (current === null || previous === null) return { text: '—', direction: 'none' };
  return describeChangeShort(current, previous);
}

/** «5 обращений». */
export function countWith(n: number, forms: PluralForms): string {
  return `${formatCountRu(n)}${NBSP}${plural(n, forms)}`;
}

/** «23.11.2026, 10:30 МСК». */
export function formatAsOf(iso: string): string {
  return `${AS_OF.format(new Date(iso))}${NBSP}МСК`;
}

/** «18 нояб.». */
export function formatShortDate(iso: string): string {
  return SHORT_DATE.format(new Date(iso));
}
