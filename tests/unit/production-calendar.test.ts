import { describe, expect, it } from 'vitest';
import { dayNumberToIsoDate, firstDayNumberOfYear } from '@/lib/calendar/calendar-day';
import { labourCodeDaysOff } from '@/lib/calendar/labour-code-holidays';
import { calendarYearKnown, isWorkingDay } from '@/lib/calendar/production-calendar';
import { RU_PRODUCTION_CALENDARS } from '@/lib/calendar/ru-production-calendar-data';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

function datesOf(year: number): string[] {
  const start = firstDayNumberOfYear(year);
  const end = firstDayNumberOfYear(year + 1);
  return Array.from({ length: end - start }, (_, i) => dayNumberToIsoDate(start + i));
}

const offIn = (year: number) => datesOf(year).filter((d) => !isWorkingDay(d));

describe('decreed calendars', () => {
  it.each([2023, 2024, 2025, 2026])('%i has the official number of working days', (year) => {
    const decreed = RU_PRODUCTION_CALENDARS[year];
    expect(decreed).toBeDefined();
    expect(decreed!.decree).toContain(`в ${year} году`);
    expect(datesOf(year).filter(isWorkingDay)).toHaveLength(decreed!.workingDays);
    // The lists only hold departures from Mon–Fri: a day off on a weekend or a working weekday is a typo.
    for (const d of decreed!.daysOff) expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
    for (const d of decreed!.workingWeekends) expect([0, 6], d).toContain(weekday(d));
    for (const d of [...decreed!.daysOff, ...decreed!.workingWeekends])
      expect(d.slice(0, 4)).toBe(String(year));
  });

  it('has the official days off of 2023 and 2024', () => {
    const weekdaysOff = (year: number) => offIn(year).filter((d) => weekday(d) % 6 !== 0);
    expect(weekdaysOff(2023)).toEqual([
      ...['2023-01-02', '2023-01-03', '2023-01-04', '2023-01-05', '2023-01-06'],
      ...['2023-02-23', '2023-02-24', '2023-03-08', '2023-05-01', '2023-05-08', '2023-05-09'],
      ...['2023-06-12', '2023-11-06'],
    ]);
    expect(weekdaysOff(2024)).toEqual([
      ...['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'],
      ...['2024-02-23', '2024-03-08', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-09', '2024-05-10'],
      ...['2024-06-12', '2024-11-04', '2024-12-30', '2024-12-31'],
    ]);
    for (const saturday of ['2024-04-27', '2024-11-02', '2024-12-28'])
      expect(isWorkingDay(saturday)).toBe(true);
  });

  it('has 2025 as decreed: 1–8 Jan, 1–4 and 8–11 May, 12–15 Jun, 2–4 Nov, 31 Dec off; 1 Nov worked', () => {
    const off = offIn(2025);
    const runs = ['01-01', '01-08', '05-01', '05-04', '05-08', '05-11', '06-12', '06-15', '11-02', '11-04'];
    for (let i = 0; i < runs.length; i += 2) {
      const [from, to] = [`2025-${runs[i]}`, `2025-${runs[i + 1]}`];
      for (const d of datesOf(2025).filter((x) => x >= from && x <= to)) expect(off, d).toContain(d);
    }
    expect(isWorkingDay('2025-12-31')).toBe(false);
    expect(isWorkingDay('2025-11-01')).toBe(true);
    expect(isWorkingDay('2025-05-05')).toBe(true);
    expect(isWorkingDay('2025-05-07')).toBe(true);
    // 23 Feb and 8 Mar fell on a weekend and were moved to 8 May and 13 Jun, not to the Mondays after them.
    expect(isWorkingDay('2025-02-24')).toBe(true);
    expect(isWorkingDay('2025-03-10')).toBe(true);
  });

  it('has 2026 as decreed: 1–11 Jan, 23 Feb, 9 Mar, 1 May, 11 May, 12 Jun, 4 Nov, 31 Dec off', () => {
    const weekdaysOff = offIn(2026).filter((d) => weekday(d) % 6 !== 0);
    expect(weekdaysOff).toEqual([
      ...['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'],
      ...['2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12', '2026-11-04', '2026-12-31'],
    ]);
    expect(isWorkingDay('2026-01-12')).toBe(true);
    expect(isWorkingDay('2026-01-10')).toBe(false);
  });

  it('knows exactly the decreed years', () => {
    for (const year of [2023, 2024, 2025, 2026]) expect(calendarYearKnown(year)).toBe(true);
    for (const year of [2022, 2027, 2031]) expect(calendarYearKnown(year)).toBe(false);
  });
});

describe('Labour Code fallback (ст. 112 ТК РФ)', () => {
  it('moves a holiday on a Saturday or Sunday to the next working day', () => {
    // 2031: 8 Mar is a Saturday, 23 Feb a Sunday: both days off move to the Monday after.
    expect(weekday('2031-03-08')).toBe(6);
    expect(isWorkingDay('2031-03-07')).toBe(true);
    expect(isWorkingDay('2031-03-08')).toBe(false);
    expect(isWorkingDay('2031-03-10')).toBe(false);
    expect(isWorkingDay('2031-03-11')).toBe(true);
    expect(weekday('2031-02-23')).toBe(0);
    expect(isWorkingDay('2031-02-24')).toBe(false);
    // 2027: 9 May is a Sunday, so Monday 10 May is off.
    expect(isWorkingDay('2027-05-10')).toBe(false);
    expect(isWorkingDay('2027-05-11')).toBe(true);
  });

  it('keeps the holidays on weekdays and leaves the January holidays unmoved', () => {
    expect(offIn(2031).filter((d) => weekday(d) % 6 !== 0)).toEqual([
      ...['2031-01-01', '2031-01-02', '2031-01-03', '2031-01-06', '2031-01-07', '2031-01-08'],
      ...['2031-02-24', '2031-03-10', '2031-05-01', '2031-05-09', '2031-06-12', '2031-11-04'],
    ]);
    // 4–5 Jan 2031 are a weekend; only a decree could move them, so 9 Jan stays a working day.
    expect(isWorkingDay('2031-01-09')).toBe(true);
  });

  it('moves two weekend holidays of one year onto different days', () => {
    // 2027: 1 May is a Saturday (→ Mon 3 May) and 9 May a Sunday (→ Mon 10 May).
    const off = labourCodeDaysOff(2027).map((o) => dayNumberToIsoDate(firstDayNumberOfYear(2027) + o));
    expect(off).toEqual(expect.arrayContaining(['2027-05-01', '2027-05-03', '2027-05-09', '2027-05-10']));
    expect(new Set(off).size).toBe(off.length);
  });
});

describe('isWorkingDay input', () => {
  it('treats ordinary weekdays and weekends as such', () => {
    expect(isWorkingDay('2025-07-16')).toBe(true);
    expect(isWorkingDay('2025-07-19')).toBe(false);
    expect(isWorkingDay('2025-07-20')).toBe(false);
  });

  it.each(['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', '2025-01-01T00:00:00Z', ''])(
    'rejects "%s"',
    (bad) => {
      expect(() => isWorkingDay(bad)).toThrow(RangeError);
    },
  );

  it('answers fast from the per-year cache', () => {
    const dates = datesOf(2026);
    for (const d of dates) isWorkingDay(d);
    const rounds = 200;
    const t0 = performance.now();
    let working = 0;
    for (let r = 0; r < rounds; r++) for (const d of dates) if (isWorkingDay(d)) working++;
    const perCallUs = ((performance.now() - t0) * 1000) / (rounds * dates.length);
    console.log(`isWorkingDay: ${perCallUs.toFixed(3)} µs per call`);
    expect(working).toBe(247 * rounds);
    expect(perCallUs).toBeLessThan(5);
  });
});
