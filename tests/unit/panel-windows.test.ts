import { describe, expect, it } from 'vitest';
import { lastMoscowDates, moscowDate, startOfMoscowWeek } from '@/lib/domain/moscow-windows';
import { summaryWindows } from '@/lib/queries/time-windows';

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
