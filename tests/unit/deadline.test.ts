import { describe, expect, it } from 'vitest';
import { computeDeadlines, workingDaysBetween } from '@/lib/sla/deadline';

/** An instant given as Moscow wall-clock time (UTC+3). */
const msk = (local: string) => new Date(`${local}+03:00`);
const workingDays = (n: number) => ({ hours: n * 24, workingDays: n });

describe('computeDeadlines in working days', () => {
  it('skips the 2026 May holidays', () => {
    // Received Thu 30 Apr 2026 15:00, 5 working days. Counting starts the next working day:
    // 1 May Fri off, 2–3 May weekend, then Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4), Fri 8 May (5).
    // Due at the end of Fri 8 May = 00:00 MSK Sat 9 May = 2026-05-08T21:00Z.
    // Very late after 15: 9–10 weekend, 11 May off (9 May moved), 12–15 (6–9), 18–22 (10–14), Mon 25 (15)
    // → 00:00 MSK Tue 26 May.
    const d = computeDeadlines(msk('2026-04-30T15:00'), workingDays(5));
    expect(d.dueAt).toEqual(msk('2026-05-09T00:00'));
    expect(d.dueAt.toISOString()).toBe('2026-05-08T21:00:00.000Z');
    expect(d.veryLateAt).toEqual(msk('2026-05-26T00:00'));
  });

  it('skips both 2025 May breaks', () => {
    // Received Wed 30 Apr 2025 10:00, 8 working days: 1–4 May off, Mon 5 (1), Tue 6 (2), Wed 7 (3),
    // 8–11 May off, Mon 12 (4), Tue 13 (5), Wed 14 (6), Thu 15 (7), Fri 16 May (8) → 00:00 MSK Sat 17 May.
    // Very late after 24: 19–23 May (9–13), 26–30 May (14–18), 2–6 Jun (19–23), Mon 9 Jun (24) → 00:00 Tue 10 Jun.
    const d = computeDeadlines(msk('2025-04-30T10:00'), workingDays(8));
    expect(d.dueAt).toEqual(msk('2025-05-17T00:00'));
    expect(d.veryLateAt).toEqual(msk('2025-06-10T00:00'));
  });

  it('skips the New Year holidays', () => {
    // Tue 30 Dec 2025: 31 Dec and 1–11 Jan 2026 are off, Mon 12 Jan is the first working day.
    expect(computeDeadlines(msk('2025-12-30T12:00'), workingDays(1)).dueAt).toEqual(msk('2026-01-13T00:00'));
    // Fri 27 Dec 2024, 2 days: Sat 28 Dec was a working Saturday (1), 29 Dec–8 Jan off, Thu 9 Jan 2025 (2).
    expect(computeDeadlines(msk('2024-12-27T09:00'), workingDays(2)).dueAt).toEqual(msk('2025-01-10T00:00'));
  });

  it('counts the transferred working Saturday of 1 Nov 2025', () => {
    const friday = msk('2025-10-31T18:00');
    expect(computeDeadlines(friday, workingDays(1)).dueAt).toEqual(msk('2025-11-02T00:00'));
    // Then 2 Nov Sunday, 3–4 Nov off: the second working day is Wed 5 Nov.
    expect(computeDeadlines(friday, workingDays(2)).dueAt).toEqual(msk('2025-11-06T00:00'));
  });

  it('starts a complaint received on a day off on the next working day', () => {
    // Sun 15 Mar 2026 and Sat 14 Mar: the first working day is Mon 16 Mar, so 1 day is due at its end.
    expect(computeDeadlines(msk('2026-03-15T11:00'), workingDays(1)).dueAt).toEqual(msk('2026-03-17T00:00'));
    expect(computeDeadlines(msk('2026-03-14T11:00'), workingDays(1)).dueAt).toEqual(msk('2026-03-17T00:00'));
    // Received on Monday itself: Monday is the day of receipt, the count starts Tuesday.
    expect(computeDeadlines(msk('2026-03-16T09:00'), workingDays(1)).dueAt).toEqual(msk('2026-03-18T00:00'));
  });

  it('goes by the Moscow date, not the UTC date', () => {
    // 23:59 MSK Mon 16 Mar and 00:01 MSK Tue 17 Mar are both on 16 Mar in UTC.
    const lateEvening = msk('2026-03-16T23:59');
    const afterMidnight = msk('2026-03-17T00:01');
    expect(lateEvening.toISOString().slice(0, 10)).toBe('2026-03-16');
    expect(afterMidnight.toISOString().slice(0, 10)).toBe('2026-03-16');
    expect(computeDeadlines(lateEvening, workingDays(1)).dueAt).toEqual(msk('2026-03-18T00:00'));
    expect(computeDeadlines(afterMidnight, workingDays(1)).dueAt).toEqual(msk('2026-03-19T00:00'));
  });

  it('puts very late at the end of the 3N-th working day', () => {
    // Mon 2 Feb 2026, 2 days: Tue 3 (1), Wed 4 (2); 6 days: Thu 5, Fri 6, Mon 9, Tue 10 (6) → 00:00 Wed 11 Feb.
    const d = computeDeadlines(msk('2026-02-02T10:00'), workingDays(2));
    expect(d.dueAt).toEqual(msk('2026-02-05T00:00'));
    expect(d.veryLateAt).toEqual(msk('2026-02-11T00:00'));
    // From Fri 13 Feb 2026, 8 days: 16–20 Feb (1–5), Mon 23 Feb off, 24–26 Feb (6–8) → 00:00 Fri 27 Feb.
    // 24 days: Fri 27 Feb (9), 2–6 Mar (10–14), Mon 9 Mar off, 10–13 Mar (15–18), 16–20 Mar (19–23),
    // Mon 23 Mar (24) → 00:00 Tue 24 Mar.
    const f = computeDeadlines(msk('2026-02-13T10:00'), workingDays(8));
    expect(f.dueAt).toEqual(msk('2026-02-27T00:00'));
    expect(f.veryLateAt).toEqual(msk('2026-03-24T00:00'));
  });

  it('uses the Labour Code in a year without a decree', () => {
    // 2031: 8 Mar is a Saturday, its day off moves to Mon 10 Mar. From Fri 7 Mar: 8–9 weekend, 10 off, Tue 11.
    expect(computeDeadlines(msk('2031-03-07T10:00'), workingDays(1)).dueAt).toEqual(msk('2031-03-12T00:00'));
  });

  it('knows Moscow summer time before 2014 (UTC+4)', () => {
    // 2010-07-01T20:30Z is 00:30 Fri 2 Jul in Moscow (MSD): 1 day ends with Mon 5 Jul, 00:00 MSD = 20:00Z.
    const d = computeDeadlines(new Date('2010-07-01T20:30:00Z'), workingDays(1));
    expect(d.dueAt.toISOString()).toBe('2010-07-05T20:00:00.000Z');
  });

  it('rejects a count that is not a positive whole number', () => {
    const at = msk('2026-03-16T09:00');
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => computeDeadlines(at, { hours: 24, workingDays: n })).toThrow(RangeError);
    }
    expect(() => computeDeadlines(new Date(Number.NaN), workingDays(1))).toThrow(RangeError);
  });

  it('hands out fresh dates: mutating one leaves the cached deadline alone', () => {
    const at = msk('2026-04-30T15:00');
    computeDeadlines(at, workingDays(5)).dueAt.setTime(0);
    expect(computeDeadlines(at, workingDays(5)).dueAt).toEqual(msk('2026-05-09T00:00'));
  });
});

describe('computeDeadlines in hours', () => {
  it('adds calendar hours, holidays or not, and 3× for very late', () => {
    const at = msk('2026-04-30T15:00');
    const d = computeDeadlines(at, { hours: 24, workingDays: null });
    expect(d.dueAt).toEqual(msk('2026-05-01T15:00'));
    expect(d.veryLateAt).toEqual(msk('2026-05-03T15:00'));
    const h = computeDeadlines(at, { hours: 6, workingDays: null });
    expect(h.dueAt).toEqual(msk('2026-04-30T21:00'));
    expect(h.veryLateAt).toEqual(msk('2026-05-01T09:00'));
    expect(() => computeDeadlines(at, { hours: 0, workingDays: null })).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first Moscow date up to and including the second', () => {
    const due = msk('2026-05-09T00:00');
    // 10 May Sunday, 11 May off, 12 May working.
    expect(workingDaysBetween(due, msk('2026-05-12T10:00'))).toBe(1);
    expect(workingDaysBetween(due, msk('2026-05-11T23:59'))).toBe(0);
    expect(workingDaysBetween(due, msk('2026-05-15T10:00'))).toBe(4);
    expect(workingDaysBetween(msk('2025-12-30T12:00'), msk('2026-01-12T12:00'))).toBe(1);
    expect(workingDaysBetween(msk('2026-03-16T23:59'), msk('2026-03-17T00:01'))).toBe(1);
  });

  it('is zero on the same date or backwards', () => {
    expect(workingDaysBetween(msk('2026-03-17T00:01'), msk('2026-03-17T23:59'))).toBe(0);
    expect(workingDaysBetween(msk('2026-03-20T10:00'), msk('2026-03-17T10:00'))).toBe(0);
  });

  it('agrees with computeDeadlines: N working days from receipt to due date', () => {
    for (const n of [1, 3, 5, 8, 10]) {
      const at = msk('2025-12-26T14:00');
      const { dueAt, veryLateAt } = computeDeadlines(at, workingDays(n));
      // dueAt is the midnight after the N-th working day; the last second before it is on that day.
      expect(workingDaysBetween(at, new Date(dueAt.getTime() - 1000))).toBe(n);
      expect(workingDaysBetween(at, new Date(veryLateAt.getTime() - 1000))).toBe(3 * n);
    }
  });
});

describe('computeDeadlines speed', () => {
  it('takes well under 5 µs a call once warm', () => {
    const base = msk('2025-01-01T08:00').getTime();
    const spacing = 37 * 60_000 + 11_000;
    const instants = Array.from({ length: 20_000 }, (_, i) => new Date(base + i * spacing));
    const specs = [workingDays(5), workingDays(8), { hours: 24, workingDays: null }];
    for (const at of instants) for (const s of specs) computeDeadlines(at, s);
    const t0 = performance.now();
    let sum = 0;
    for (let r = 0; r < 5; r++) {
      for (const at of instants) for (const s of specs) sum += computeDeadlines(at, s).dueAt.getTime() % 7;
    }
    const calls = 5 * instants.length * specs.length;
    const perCallUs = ((performance.now() - t0) * 1000) / calls;
    console.log(`computeDeadlines: ${perCallUs.toFixed(3)} µs per call over ${calls} calls (2025–2026)`);
    expect(sum).toBeGreaterThan(0);
    expect(perCallUs).toBeLessThan(5);
  });
});
