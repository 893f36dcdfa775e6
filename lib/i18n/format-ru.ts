/**
 * Russian number and duration wording as the center reports it on the wall. Every number is glued to its unit
 * with a no-break space so that a narrow tile never wraps «5,7» away from «тыс.».
 */
import { plural, type PluralForms } from './plural';

export const NBSP = '\u00a0';
/** Typographic minus: a hyphen next to a digit looks like a dash on the wall's large type. */
export const MINUS = '\u2212';

const COUNT_FORMAT = new Intl.NumberFormat('ru-RU');
const ONE_DECIMAL_FORMAT = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

const COMPACT_UNITS = [
  { size: 1e3, label: 'тыс.' },
  { size: 1e6, label: 'млн' },
  { size: 1e9, label: 'млрд' },
] as const;

function withSign(n: number, magnitude: string): string {
  return n < 0 && magnitude !== '0' ? `${MINUS}${magnitude}` : magnitude;
}

/** One decimal while it still carries information (below 10), whole numbers above: «5,7», «57». */
function formatScaled(value: number): string | null {
  const tenths = Math.round(value * 10) / 10;
  if (tenths < 10) return ONE_DECIMAL_FORMAT.format(tenths);
  const whole = Math.round(value);
  return whole < 1000 ? String(whole) : null;
}

/**
 * «987», «5,7 тыс.», «12 тыс.», «57 тыс.», «1,2 млн». Rounding never shows «1000 тыс.»: it moves up to «1 млн».
 * Non-finite input (a missing value that slipped through) shows a dash rather than «NaN».
 */
export function formatCompactRu(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const abs = Math.round(Math.abs(n));
  if (abs < 1000) return withSign(n, String(abs));
  for (let i = COMPACT_UNITS.length - 1; i >= 0; i--) {
    const unit = COMPACT_UNITS[i]!;
    if (abs < unit.size) continue;
    const scaled = formatScaled(abs / unit.size);
    // 999 500 is «1 млн», not «1000 тыс.»; the top unit keeps growing with grouping instead.
    const next = COMPACT_UNITS[i + 1];
    if (scaled === null && next) return withSign(n, `1${NBSP}${next.label}`);
    const text = scaled ?? COUNT_FORMAT.format(Math.round(abs / unit.size));
    return withSign(n, `${text}${NBSP}${unit.label}`);
  }
  return withSign(n, String(abs));
}

/** Exact count with ru-RU grouping («12 345»; the separator is whatever no-break space the runtime's ICU uses). */
export function formatCountRu(n: number): string {
  if (!Number.isFinite(n)) return '—';
  return withSign(n, COUNT_FORMAT.format(Math.abs(n)));
}

/**
 * The magnitude of a percentage: «15%», «2,5%», «0%». One decimal only below 10%, where it can still matter;
 * the sign is left to callers because they word it differently («+15%» on a badge, «на 15% меньше» in text).
 */
export function formatPercentRu(p: number): string {
  if (!Number.isFinite(p)) return '—';
  const abs = Math.abs(p);
  const tenths = Math.round(abs * 10) / 10;
  const text = tenths < 10 ? ONE_DECIMAL_FORMAT.format(tenths) : COUNT_FORMAT.format(Math.round(abs));
  return `${text}%`;
}

/** «87%» or «8,3%» of a 0–1 share (see formatPercentRu); «—» when there is nothing to take a share of. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : formatPercentRu(share * 100);
}

const MINUTE_MS = 60_000;

const DAYS: PluralForms = ['день', 'дня', 'дней'];
const HOURS: PluralForms = ['час', 'часа', 'часов'];
const MINUTES: PluralForms = ['минута', 'минуты', 'минут'];
const unit = (n: number, forms: PluralForms) => `${formatCountRu(n)}${NBSP}${plural(n, forms)}`;

/**
 * How long something is overdue, in words a room reads aloud: «35 минут», «2 часа 15 минут», «3 дня 4 часа»,
 * «12 дней» (abbreviations like «дн» stumble at 5 m). Rounded down, since «overdue by 2 часа» must not be claimed
 * before two hours have passed. From 10 days on the hours are noise next to the days and are dropped. Negative
 * input (not yet due) shows as «< 1 минуты».
 */
export function formatDurationRu(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const totalMinutes = Math.floor(Math.max(0, ms) / MINUTE_MS);
  if (totalMinutes < 1) return `<${NBSP}1${NBSP}минуты`;
  if (totalMinutes < 60) return unit(totalMinutes, MINUTES);
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours < 24) {
    const minutes = totalMinutes % 60;
    return minutes === 0
      ? unit(totalHours, HOURS)
      : `${unit(totalHours, HOURS)}${NBSP}${unit(minutes, MINUTES)}`;
  }
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  if (days >= 10 || hours === 0) return unit(days, DAYS);
  return `${unit(days, DAYS)}${NBSP}${unit(hours, HOURS)}`;
}

/** «3 обращения», «5 обращений», «1 234 обращения». */
export function withPlural(n: number, forms: PluralForms): string {
  return `${formatCountRu(n)}${NBSP}${plural(n, forms)}`;
}
