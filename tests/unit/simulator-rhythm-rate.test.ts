import { describe, expect, it } from 'vitest';
import { formatProgressLine, createProgressBar } from '../../lib/simulator/progress-bar';
import { parseRate } from '../../lib/simulator/rate';
import { rhythm } from '../../lib/simulator/rhythm';

/** A Moscow wall-clock time (UTC+3 all year) as a Date. */
const msk = (iso: string) => new Date(`${iso}+03:00`);

describe('daily rhythm', () => {
  it('is quiet at night and peaks in the morning and the evening', () => {
    const night = rhythm(msk('2025-11-19T03:30:00'));
    const morning = rhythm(msk('2025-11-19T10:30:00'));
    const evening = rhythm(msk('2025-11-19T19:30:00'));
    const afternoon = rhythm(msk('2025-11-19T15:30:00'));
    expect(night).toBeGreaterThan(0.08);
    expect(night).toBeLessThan(0.25);
    expect(morning).toBeGreaterThan(1.4);
    expect(evening).toBeGreaterThan(afternoon);
    expect(night * 5).toBeLessThan(morning);
  });

  it('has a weekly mean of 1 and quieter weekends', () => {
    const start = msk('2025-11-17T00:00:00').getTime(); // a Monday
    let sum = 0;
    let weekday = 0;
    let weekend = 0;
    const steps = 7 * 24 * 12;
    for (let i = 0; i < steps; i++) {
      const at = new Date(start + i * 5 * 60_000);
      const value = rhythm(at);
      sum += value;
      if (i < 5 * 24 * 12) weekday += value;
      else weekend += value;
    }
    expect(sum / steps).toBeCloseTo(1, 2);
    expect(weekend / (2 * 24 * 12)).toBeLessThan(weekday / (5 * 24 * 12));
  });

  it('has no jumps on the hour', () => {
    const before = rhythm(msk('2025-11-19T08:59:59'));
    const after = rhythm(msk('2025-11-19T09:00:01'));
    expect(Math.abs(before - after)).toBeLessThan(0.01);
  });
});

describe('parseRate', () => {
  it.each([
    ['1/s', 1],
    ['30/min', 0.5],
    ['1/min', 1 / 60],
    ['360/h', 0.1],
    ['5000/s', 5000],
    ['2.5/s', 2.5],
    [' 10 / min ', 10 / 60],
    ['12000/week', 12_000 / 604_800],
    ['1440/day', 1 / 60],
  ])('parses %s', (text, expected) => {
    expect(parseRate(text)).toBeCloseTo(expected, 10);
  });

  it.each(['', 'fast', '10', '10/year', '-1/s', '0/s', '5001/s', '1e3/s', '1/s/s', 'abc/min'])(
    'rejects %j with a clear message',
    (text) => {
      expect(() => parseRate(text)).toThrow(/simulator rate/);
    },
  );
});

describe('progress bar', () => {
  it('formats a line with the share and counts', () => {
    const line = formatProgressLine(48_000, 96_000, 'complaints', 10);
    expect(line).toContain('[█████░░░░░]');
    expect(line).toContain('50%');
    expect(line).toContain('48 000 / 96 000');
  });

  it('prints a line every 10% when not on a terminal', () => {
    const out: string[] = [];
    const bar = createProgressBar({ write: (s: string) => out.push(s), isTTY: false });
    for (let done = 0; done <= 1000; done += 10) bar(done, 1000, 'complaints');
    bar(0, 50, 'lifecycle');
    bar(50, 50, 'lifecycle');
    expect(out.filter((l) => l.includes('complaints'))).toHaveLength(11);
    expect(out.filter((l) => l.includes('lifecycle'))).toHaveLength(2);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('redraws in place on a terminal and ends each phase with a newline', () => {
    const out: string[] = [];
    const bar = createProgressBar({ write: (s: string) => out.push(s), isTTY: true });
    bar(0, 10, 'complaints');
    bar(5, 10, 'complaints');
    bar(10, 10, 'complaints');
    const text = out.join('');
    expect(text.split('\r')).toHaveLength(4);
    expect(text.endsWith('\n')).toBe(true);
  });
});
