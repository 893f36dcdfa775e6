import { describe, expect, it } from 'vitest';
import { summaryWindows } from '@/lib/queries/time-windows';
import { TZDate } from '@date-fns/tz';
import { startOfDay, startOfISOWeek } from 'date-fns';
import {
  MOSCOW_TZ,
  lastMoscowDates,
  moscowDate,
  startOfMoscowDay,
  startOfMoscowWeek,
} from '@/lib/domain/moscow-time';

describe('panel windows on Moscow time, whatever the server zone', () => {
  it('starts the week on Monday 00:00 Moscow, also when it is still Sunday in UTC', () => {
    // Monday 00:30 in Moscow is Sunday 21:30 UTC.
    expect(startOfMoscowWeek(new Date('2026-11-22T21:30:00Z')).toISOString()).toBe(
      '2026-11-22T21:00:00.000Z',
    );
    // Sunday 23:59 in Moscow still belongs to the week that began on Monday the 16th.
    expect(startOfMoscowWeek(new Date('2026-11-22T20:59:00Z')).toISOString()).toBe(
      '2026-11-15T21:00:00.000Z',
    );
  });

  it('names days by their Moscow date and lists the last ones oldest first', () => {
    expect(moscowDate(new Date('2026-11-22T21:00:00Z'))).toBe('2026-11-23');
    expect(moscowDate(new Date('2026-11-22T20:59:59Z'))).toBe('2026-11-22');
    expect(lastMoscowDates(new Date('2026-03-01T10:00:00+03:00'), 3)).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  it('shifts the summary windows by exactly a week, to the minute', () => {
    const w = summaryWindows(new Date('2026-11-18T12:34:56+03:00'));
    expect(w.dayStart.toISOString()).toBe('2026-11-17T21:00:00.000Z');
    expect(w.weekAgo.dayStart.toISOString()).toBe('2026-11-10T21:00:00.000Z');
    expect(w.weekAgo.now.toISOString()).toBe('2026-11-11T09:34:00.000Z');
    expect(w.weekAgo.hourFloor.toISOString()).toBe('2026-11-11T09:00:00.000Z');
    expect(w.weekAgo.hourStart.toISOString()).toBe('2026-11-11T08:35:00.000Z');
  });
});

describe('the one Moscow calendar', () => {
  it('agrees with the tz database on the day, its midnight and its week for instants since 2014', () => {
    // A fixed walk, not random: the same instants on every run, hours and minutes spread by a prime step.
    const from = Date.UTC(2014, 10, 1);
    const step = 7 * 3_600_000 + 13 * 60_000 + 17_000;
    for (let t = from; t < Date.UTC(2031, 0, 1); t += step) {
      const at = new Date(t);
      const local = new TZDate(t, MOSCOW_TZ);
      const pad = (n: number) => String(n).padStart(2, '0');
      const expected = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
      expect(moscowDate(at), at.toISOString()).toBe(expected);
      expect(startOfMoscowDay(at).getTime(), at.toISOString()).toBe(startOfDay(local).getTime());
      expect(startOfMoscowWeek(at).getTime(), at.toISOString()).toBe(startOfISOWeek(local).getTime());
    }
  });
});
