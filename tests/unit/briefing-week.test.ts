import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  defaultWeek,
  formatIsoWeek,
  isoWeekOf,
  isoWeeksInYear,
  parseIsoWeek,
  previousWindow,
  startOfIsoWeek,
  weekWindow,
  windowDates,
} from '@/lib/briefing/week';
import { parseWeekParam } from '@/lib/briefing/week-param';
import { weekOptions, weekRangeLabelRu } from '@/lib/briefing/week-label';

const at = (s: string) => new Date(s);

describe('ISO weeks on Moscow time', () => {
  it('starts a week at Monday 00:00 Moscow (21:00 UTC on Sunday)', () => {
    expect(startOfIsoWeek({ year: 2026, week: 47 }).toISOString()).toBe('2026-11-15T21:00:00.000Z');
  });

  it('crosses the year boundary by the ISO rules', () => {
    // 1 Jan 2026 is a Thursday: week 1 starts on Monday 29 Dec 2025, and 2026 has 53 weeks.
    expect(startOfIsoWeek({ year: 2026, week: 1 }).toISOString()).toBe('2025-12-28T21:00:00.000Z');
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(formatIsoWeek(isoWeekOf(at('2027-01-01T12:00:00+03:00')))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOf(at('2027-01-04T00:00:00+03:00')))).toBe('2027-W01');
    expect(formatIsoWeek(isoWeekOf(at('2025-12-29T00:00:00+03:00')))).toBe('2026-W01');
    expect(formatIsoWeek(addWeeks({ year: 2026, week: 1 }, -1))).toBe('2025-W52');
    expect(formatIsoWeek(addWeeks({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
  });

  it('places an instant by the Moscow calendar, not UTC', () => {
    // Sunday 22:30 UTC is already Monday 01:30 in Moscow: the next week.
    expect(formatIsoWeek(isoWeekOf(at('2026-11-22T22:30:00Z')))).toBe('2026-W48');
    expect(formatIsoWeek(isoWeekOf(at('2026-11-22T20:59:59Z')))).toBe('2026-W47');
    expect(formatIsoWeek(isoWeekOf(at('2026-11-22T21:00:00Z')))).toBe('2026-W48');
  });

  it('parses only valid week ids and says why not', () => {
    expect(parseIsoWeek('2026-W47')).toEqual({ ok: true, week: { year: 2026, week: 47 } });
    expect(parseIsoWeek('2026-W53').ok).toBe(true);
    expect(parseIsoWeek('2025-W53')).toEqual({
      ok: false,
      message: 'week must be between 01 and 52 in 2025',
    });
    expect(parseIsoWeek('2026-W00').ok).toBe(false);
    expect(parseIsoWeek('2026-47')).toEqual({ ok: false, message: 'must be an ISO week like 2026-W47' });
    expect(parseIsoWeek('1999-W10').ok).toBe(false);
  });

  it('defaults to the last complete week and refuses future weeks', () => {
    const now = at('2026-11-23T10:00:00+03:00');
    expect(formatIsoWeek(defaultWeek(now))).toBe('2026-W47');
    expect(parseWeekParam({}, now)).toEqual({ ok: true, week: { year: 2026, week: 47 } });
    expect(parseWeekParam({ week: '2026-W48' }, now).ok).toBe(true);
    expect(parseWeekParam({ week: '2026-W49' }, now)).toEqual({
      ok: false,
      errors: [{ field: 'week', message: 'must not be a future week' }],
    });
    expect(parseWeekParam({ week: 'last' }, now)).toEqual({
      ok: false,
      errors: [{ field: 'week', message: 'must be an ISO week like 2026-W47' }],
    });
  });

  it('counts a week under way to its last whole hour, and the week before over the same span', () => {
    const now = at('2026-11-25T14:35:00+03:00');
    const w = weekWindow({ year: 2026, week: 48 }, now);
    expect(w.complete).toBe(false);
    expect(w.end.toISOString()).toBe('2026-11-25T11:00:00.000Z');
    const p = previousWindow(w);
    expect(p.id).toBe('2026-W47');
    expect(p.end.toISOString()).toBe('2026-11-18T11:00:00.000Z');
    expect(windowDates(w)).toEqual({ from: '2026-11-23', to: '2026-11-25' });
    const full = weekWindow({ year: 2026, week: 47 }, now);
    expect(full.complete).toBe(true);
    expect(windowDates(full)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('labels weeks in Russian with their dates', () => {
    const s = (d: string) => at(`${d}T00:00:00+03:00`);
    expect(weekRangeLabelRu(s('2026-11-16'), s('2026-11-23'))).toBe('16–22 ноября 2026');
    expect(weekRangeLabelRu(s('2026-11-30'), s('2026-12-07'))).toBe('30 ноября – 6 декабря 2026');
    expect(weekRangeLabelRu(s('2025-12-29'), s('2026-01-05'))).toBe('29 декабря 2025 – 4 января 2026');
    const options = weekOptions(at('2026-11-23T10:00:00+03:00'));
    expect(options).toHaveLength(13);
    expect(options[0]).toEqual({ id: '2026-W48', label: '23–29 ноября 2026', current: true });
    expect(options[1]).toEqual({ id: '2026-W47', label: '16–22 ноября 2026', current: false });
  });
});
