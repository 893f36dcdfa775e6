/**
 * This week against the same span of last week, worded the way the center reports it.
 * Percentages are only shown on a base large enough for them to mean something.
 */
import { MINUS, formatCompactRu, formatPercentRu } from '../i18n/format-ru';

/**
 * Smallest last-week count a percentage is computed on. Below it a single complaint moves the figure by more
 * than 3 points and ordinary Poisson noise alone (±√30 ≈ ±5.5, i.e. ±18%) dwarfs most real changes: «+25%»
 * on a base of 4 is one extra complaint. Under it the wall shows the two counts instead. It is well above
 * TERRITORY_MIN_COUNT (10) on purpose: ranking needs less precision than a percentage printed in large type.
 */
export const MIN_BASE_FOR_PERCENT = 30;

/** Changes smaller than this (in percent, after rounding) read as «на уровне прошлой недели». */
const FLAT_PERCENT = 1;

function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * Percent change of `current` against `base`, or null when the base is under MIN_BASE_FOR_PERCENT.
 * Rounded as the wall prints it, so a stored value and its label always agree: one decimal below 10%
 * (2.5), whole percents above (15).
 */
export function percentChange(current: number, base: number): number | null {
  if (!(base >= MIN_BASE_FOR_PERCENT) || !Number.isFinite(current)) return null;
  const raw = ((current - base) / base) * 100;
  const tenths = roundHalfAway(raw * 10) / 10;
  const rounded = Math.abs(tenths) < 10 ? tenths : roundHalfAway(raw);
  // Avoid −0, which would otherwise leak into JSON comparisons and sign checks.
  return rounded === 0 ? 0 : rounded;
}

/**
 * The sentence under a counter:
 * - «5,7 тыс. — на 15% меньше, чем неделю назад», «1,2 тыс. — на 8% больше, чем неделю назад»;
 * - «5,7 тыс. — на уровне прошлой недели» when the change rounds to under 1%;
 * - on a small base, the two counts only: «12 — неделю назад было 4», «3 — неделю назад не было ни одного».
 */
export function describeWeekChange(current: number, base: number): string {
  const now = formatCompactRu(current);
  const pct = percentChange(current, base);
  if (pct === null) {
    if (current === base) return `${now} — на уровне прошлой недели`;
    if (base <= 0) return `${now} — неделю назад не было ни одного`;
    return `${now} — неделю назад было ${formatCompactRu(base)}`;
  }
  if (Math.abs(pct) < FLAT_PERCENT) return `${now} — на уровне прошлой недели`;
  const direction = pct > 0 ? 'больше' : 'меньше';
  return `${now} — на ${formatPercentRu(pct)} ${direction}, чем неделю назад`;
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

export interface ShortChange {
  text: string;
  direction: ChangeDirection;
}

/**
 * Badge text next to a counter: «+15%», «−8%», «0%»; on a small base the absolute difference «+8», «−3», «0».
 * 'none' (text «—») when both weeks are empty: there is nothing to compare, not a flat trend.
 */
export function describeChangeShort(current: number, base: number): ShortChange {
  const pct = percentChange(current, base);
  if (pct !== null) {
    if (Math.abs(pct) < FLAT_PERCENT) return { text: '0%', direction: 'flat' };
    return pct > 0
      ? { text: `+${formatPercentRu(pct)}`, direction: 'up' }
      : { text: `${MINUS}${formatPercentRu(pct)}`, direction: 'down' };
  }
  if (base <= 0 && current <= 0) return { text: '—', direction: 'none' };
  const diff = current - base;
  if (diff === 0) return { text: '0', direction: 'flat' };
  // formatCompactRu already prints a negative difference with a typographic minus.
  return diff > 0
    ? { text: `+${formatCompactRu(diff)}`, direction: 'up' }
    : { text: formatCompactRu(diff), direction: 'down' };
}
