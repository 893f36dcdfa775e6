import { describe, expect, it } from 'vitest';
import {
  MIN_BASE_FOR_PERCENT,
  describeChangeShort,
  describeWeekChange,
  percentChange,
} from '@/lib/stats/week-over-week';

const visible = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('percentChange', () => {
  it('gives no percentage below the minimum base, and one at and above it', () => {
    expect(MIN_BASE_FOR_PERCENT).toBe(30);
    expect(percentChange(12, 4)).toBeNull();
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(0, 0)).toBeNull();
    expect(percentChange(40, MIN_BASE_FOR_PERCENT - 1)).toBeNull();
    expect(percentChange(45, MIN_BASE_FOR_PERCENT)).toBe(50);
    expect(percentChange(0, MIN_BASE_FOR_PERCENT)).toBe(-100);
  });

  it('rounds to one decimal below 10% and to whole percents above', () => {
    expect(percentChange(1025, 1000)).toBe(2.5);
    expect(percentChange(1024, 1000)).toBe(2.4);
    expect(percentChange(975, 1000)).toBe(-2.5);
    expect(percentChange(1099, 1000)).toBe(9.9);
    expect(percentChange(1100, 1000)).toBe(10);
    expect(percentChange(1154, 1000)).toBe(15);
    expect(percentChange(1155, 1000)).toBe(16);
    expect(percentChange(845, 1000)).toBe(-16);
    expect(percentChange(1000, 1000)).toBe(0);
    expect(Object.is(percentChange(9999, 10_000), 0)).toBe(true);
  });
});

describe('describeWeekChange', () => {
  it('words a rise and a fall with the compact count', () => {
    expect(visible(describeWeekChange(5700, 6706))).toBe('5,7 тыс. — на 15% меньше, чем неделю назад');
    expect(visible(describeWeekChange(1234, 1143))).toBe('1,2 тыс. — на 8% больше, чем неделю назад');
    expect(visible(describeWeekChange(987, 963))).toBe('987 — на 2,5% больше, чем неделю назад');
    expect(visible(describeWeekChange(57_300, 40_000))).toBe('57 тыс. — на 43% больше, чем неделю назад');
    expect(visible(describeWeekChange(1_230_000, 1_000_000))).toBe(
      '1,2 млн — на 23% больше, чем неделю назад',
    );
    expect(visible(describeWeekChange(0, 45))).toBe('0 — на 100% меньше, чем неделю назад');
  });

  it('calls a change under 1% the level of last week', () => {
    expect(visible(describeWeekChange(5700, 5680))).toBe('5,7 тыс. — на уровне прошлой недели');
    expect(visible(describeWeekChange(100, 100))).toBe('100 — на уровне прошлой недели');
    expect(visible(describeWeekChange(1010, 1000))).toBe('1 тыс. — на 1% больше, чем неделю назад');
  });

  it('compares counts, not percentages, on a small base', () => {
    expect(describeWeekChange(12, 4)).toBe('12 — неделю назад было 4');
    expect(describeWeekChange(2, 29)).toBe('2 — неделю назад было 29');
    expect(describeWeekChange(3, 0)).toBe('3 — неделю назад не было ни одного');
    expect(describeWeekChange(4, 4)).toBe('4 — на уровне прошлой недели');
    expect(visible(describeWeekChange(5700, 12))).toBe('5,7 тыс. — неделю назад было 12');
    expect(describeWeekChange(39, 30)).toBe('39 — на 30% больше, чем неделю назад');
  });

  it('never lets the number and its unit part', () => {
    expect(describeWeekChange(5700, 6706)).toMatch(/^5,7[\u00a0]тыс\./);
  });
});

describe('describeChangeShort', () => {
  it('shows a signed percentage with a direction', () => {
    expect(describeChangeShort(1154, 1000)).toEqual({ text: '+15%', direction: 'up' });
    expect(describeChangeShort(920, 1000)).toEqual({ text: '−8%', direction: 'down' });
    expect(describeChangeShort(1025, 1000)).toEqual({ text: '+2,5%', direction: 'up' });
    expect(describeChangeShort(1005, 1000)).toEqual({ text: '0%', direction: 'flat' });
    expect(describeChangeShort(995, 1000)).toEqual({ text: '0%', direction: 'flat' });
    expect(describeChangeShort(0, 30)).toEqual({ text: '−100%', direction: 'down' });
  });

  it('shows the absolute difference on a small base', () => {
    expect(describeChangeShort(12, 4)).toEqual({ text: '+8', direction: 'up' });
    expect(describeChangeShort(1, 4)).toEqual({ text: '−3', direction: 'down' });
    expect(describeChangeShort(4, 4)).toEqual({ text: '0', direction: 'flat' });
    expect(describeChangeShort(5, 0)).toEqual({ text: '+5', direction: 'up' });
    expect(describeChangeShort(0, 7)).toEqual({ text: '−7', direction: 'down' });
    expect(describeChangeShort(5712, 12)).toEqual({ text: '+5,7\u00a0тыс.', direction: 'up' });
  });

  it("has direction 'none' when there is nothing in either week", () => {
    expect(describeChangeShort(0, 0)).toEqual({ text: '—', direction: 'none' });
  });
});
