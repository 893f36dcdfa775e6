import { describe, expect, it } from 'vitest';
import {
  MINUS,
  NBSP,
  formatCompactRu,
  formatCountRu,
  formatDurationRu,
  formatPercentRu,
  formatShare,
  withPlural,
} from '@/lib/i18n/format-ru';
import { plural } from '@/lib/i18n/plural';

/** Tests read with ordinary spaces; the output must contain no breakable ones. */
const visible = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('plural', () => {
  const forms = ['обращение', 'обращения', 'обращений'] as const;

  it('picks the Russian form by the last digits', () => {
    const cases: [number, string][] = [
      [0, 'обращений'],
      [1, 'обращение'],
      [2, 'обращения'],
      [4, 'обращения'],
      [5, 'обращений'],
      [11, 'обращений'],
      [12, 'обращений'],
      [14, 'обращений'],
      [21, 'обращение'],
      [22, 'обращения'],
      [101, 'обращение'],
      [111, 'обращений'],
      [1234, 'обращения'],
    ];
    for (const [n, form] of cases) expect(plural(n, forms), String(n)).toBe(form);
  });

  it('uses the «few» form for fractions and ignores the sign', () => {
    expect(plural(2.5, forms)).toBe('обращения');
    expect(plural(-3, forms)).toBe('обращения');
    expect(plural(-21, forms)).toBe('обращение');
  });
});

describe('formatCompactRu', () => {
  it('keeps small numbers as they are', () => {
    expect(formatCompactRu(0)).toBe('0');
    expect(formatCompactRu(987)).toBe('987');
    expect(formatCompactRu(999.4)).toBe('999');
  });

  it('shows thousands with one decimal below 10 тыс. and whole above', () => {
    expect(visible(formatCompactRu(1000))).toBe('1 тыс.');
    expect(visible(formatCompactRu(1234))).toBe('1,2 тыс.');
    expect(visible(formatCompactRu(5700))).toBe('5,7 тыс.');
    expect(visible(formatCompactRu(5749))).toBe('5,7 тыс.');
    expect(visible(formatCompactRu(5750))).toBe('5,8 тыс.');
    expect(visible(formatCompactRu(9949))).toBe('9,9 тыс.');
    expect(visible(formatCompactRu(9950))).toBe('10 тыс.');
    expect(visible(formatCompactRu(12_000))).toBe('12 тыс.');
    expect(visible(formatCompactRu(12_400))).toBe('12 тыс.');
    expect(visible(formatCompactRu(57_300))).toBe('57 тыс.');
    expect(visible(formatCompactRu(999_000))).toBe('999 тыс.');
  });

  it('moves up to millions instead of «1000 тыс.»', () => {
    expect(visible(formatCompactRu(999_600))).toBe('1 млн');
    expect(visible(formatCompactRu(1_234_567))).toBe('1,2 млн');
    expect(visible(formatCompactRu(15_600_000))).toBe('16 млн');
  });

  it('glues the number to its unit with a no-break space', () => {
    expect(formatCompactRu(5700)).toBe(`5,7${NBSP}тыс.`);
    expect(formatCompactRu(1_200_000)).toBe(`1,2${NBSP}млн`);
  });

  it('writes negatives with a typographic minus and survives non-numbers', () => {
    expect(formatCompactRu(-3)).toBe(`${MINUS}3`);
    expect(formatCompactRu(-5700)).toBe(`${MINUS}5,7${NBSP}тыс.`);
    expect(formatCompactRu(-0.2)).toBe('0');
    expect(formatCompactRu(Number.NaN)).toBe('—');
  });
});

describe('formatCountRu', () => {
  it('groups digits with a no-break space', () => {
    expect(formatCountRu(987)).toBe('987');
    expect(visible(formatCountRu(12_345))).toBe('12 345');
    expect(visible(formatCountRu(1_234_567))).toBe('1 234 567');
    expect(formatCountRu(12_345)).not.toContain(' ');
    expect(visible(formatCountRu(-1234))).toBe(`${MINUS}1 234`);
  });
});

describe('formatPercentRu', () => {
  it('shows one decimal only below 10%', () => {
    expect(formatPercentRu(15)).toBe('15%');
    expect(formatPercentRu(15.4)).toBe('15%');
    expect(formatPercentRu(2.5)).toBe('2,5%');
    expect(formatPercentRu(2)).toBe('2%');
    expect(formatPercentRu(2.04)).toBe('2%');
    expect(formatPercentRu(9.96)).toBe('10%');
    expect(formatPercentRu(0)).toBe('0%');
    expect(visible(formatPercentRu(1250))).toBe('1 250%');
  });

  it('leaves the sign to the caller', () => {
    expect(formatPercentRu(-8)).toBe('8%');
    expect(formatPercentRu(-2.5)).toBe('2,5%');
  });
});

describe('formatDurationRu', () => {
  it('spells the units out: minutes, hours and minutes, days and hours, days', () => {
    expect(visible(formatDurationRu(35 * MINUTE))).toBe('35 минут');
    expect(visible(formatDurationRu(35 * MINUTE + 59_000))).toBe('35 минут');
    expect(visible(formatDurationRu(2 * HOUR + 15 * MINUTE))).toBe('2 часа 15 минут');
    expect(visible(formatDurationRu(2 * HOUR))).toBe('2 часа');
    expect(visible(formatDurationRu(23 * HOUR + 59 * MINUTE))).toBe('23 часа 59 минут');
    expect(visible(formatDurationRu(3 * DAY + 4 * HOUR + 30 * MINUTE))).toBe('3 дня 4 часа');
    expect(visible(formatDurationRu(DAY))).toBe('1 день');
    expect(visible(formatDurationRu(9 * DAY + 23 * HOUR))).toBe('9 дней 23 часа');
    expect(visible(formatDurationRu(12 * DAY + 7 * HOUR))).toBe('12 дней');
  });

  it('never wraps and handles under a minute or nonsense', () => {
    expect(formatDurationRu(2 * HOUR + 15 * MINUTE)).not.toContain(' ');
    expect(visible(formatDurationRu(20_000))).toBe('< 1 минуты');
    expect(visible(formatDurationRu(-5 * MINUTE))).toBe('< 1 минуты');
    expect(formatDurationRu(Number.NaN)).toBe('—');
  });
});

describe('withPlural', () => {
  it('puts the count and the right form together', () => {
    const forms = ['обращение', 'обращения', 'обращений'] as const;
    expect(visible(withPlural(1, forms))).toBe('1 обращение');
    expect(visible(withPlural(3, forms))).toBe('3 обращения');
    expect(visible(withPlural(5, forms))).toBe('5 обращений');
    expect(visible(withPlural(1234, forms))).toBe('1 234 обращения');
    expect(withPlural(5, forms)).toBe(`5${NBSP}обращений`);
  });
});

describe('formatShare', () => {
  it('formats a 0–1 share as the percentages everywhere else do, one way for every screen', () => {
    expect(formatShare(0.87)).toBe('87%');
    expect(visible(formatShare(0.083))).toBe('8,3%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(null)).toBe('—');
  });
});
