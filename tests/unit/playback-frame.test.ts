import { describe, expect, it } from 'vitest';
import { advanceClock, play, spanBounds, speedFor, switchSpan, type ReplayState } from '@/lib/playback/clock';
import { countersAt, counterClock, indexCounters } from '@/lib/playback/counters';
import { DOT_TRAIL_MS, mapFrameAt, PULSE_LIMIT } from '@/lib/playback/map-frame';
import type { PlaybackData } from '@/lib/playback/types';
import { parseReplayQuery, replayQuery } from '@/lib/playback/url-state';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@/lib/domain/time-units';

/** 12:30 Moscow time on 23 November; Moscow midnight is 21:00 UTC the day before. */
const NOW = Date.parse('2026-11-23T09:30:00Z');
const MIDNIGHT = Date.parse('2026-11-22T21:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A 24-hour payload whose series has `received[i]` = 1 at every listed minute, resolved at every 10th. */
function dayPayload(receivedAt: number[]): PlaybackData {
  const { from, to } = spanBounds('24h', NOW);
  const seriesFrom = Date.parse('2026-11-21T21:00:00Z'); // midnight before `from` (12:30 on the 22nd)
  const length = (to - seriesFrom) / MINUTE_MS;
  const received = new Array<number>(length).fill(0);
  const resolved = new Array<number>(length).fill(0);
  for (const t of receivedAt) received[Math.floor((t - seriesFrom) / MINUTE_MS)]! += 1;
  receivedAt.forEach((t, i) => {
    if (i % 10 === 0) resolved[Math.floor((t - seriesFrom) / MINUTE_MS)]! += 1;
  });
  const mapFrom = from - HOUR_MS;
  const located = receivedAt.filter((t) => t >= mapFrom && t < to).sort((a, b) => a - b);
  return {
    span: '24h',
    scope: { block: null, municipality: null },
    from: iso(from),
    to: iso(to),
    stepMs: MINUTE_MS,
    asOf: iso(NOW),
    series: { from: iso(seriesFrom), stepMs: MINUTE_MS, received, resolved },
    backlog: {
      from: iso(Math.floor(from / HOUR_MS) * HOUR_MS),
      open: Array.from({ length: 25 }, (_, h) => (h === 3 ? null : 100 + h)),
      overdue: Array.from({ length: 25 }, (_, h) => (h === 3 ? null : h)),
      veryLate: Array.from({ length: 25 }, (_, h) => (h === 3 ? null : Math.floor(h / 2))),
    },
    resolution: 6,
    cells: ['861181b6fffffff', '86118a3a7ffffff'],
    map: {
      kind: 'points',
      from: iso(mapFrom),
      t: located.map((t) => Math.round((t - mapFrom) / 1000)),
      lon: located.map(() => 37.6),
      lat: located.map(() => 55.7),
      cell: located.map((_, i) => i % 2),
      block: located.map(() => 0),
      blocks: ['housing'],
      sampleEvery: 1,
    },
  };
}

/** Arrivals every 7 minutes and 13 seconds over two days: they straddle midnights and minute edges. */
const ARRIVALS = Array.from(
  { length: 400 },
  (_, i) => NOW - 2 * DAY_MS + 30_000 + i * (7 * MINUTE_MS + 13_000),
).filter((t) => t < NOW - 30_000);
const countIn = (start: number, end: number) => ARRIVALS.filter((t) => t >= start && t < end).length;

describe('counters at the playback clock', () => {
  const data = dayPayload(ARRIVALS);
  const index = indexCounters(data);

  it('received today is the count in [Moscow midnight of t, t), across the midnight inside the span', () => {
    for (const t of [MIDNIGHT - MINUTE_MS, MIDNIGHT, MIDNIGHT + MINUTE_MS, MIDNIGHT + 7 * HOUR_MS, NOW]) {
      const c = countersAt(index, t);
      const dayStart = t >= MIDNIGHT ? MIDNIGHT : MIDNIGHT - DAY_MS;
      expect(c.at).toBe(t);
      expect(c.today, iso(t)).toBe(countIn(dayStart, t));
      expect(c.lastHour, iso(t)).toBe(countIn(t - HOUR_MS, t));
    }
    // At midnight itself the new day has received nothing yet; the last hour still counts the old day's end.
    expect(countersAt(index, MIDNIGHT).today).toBe(0);
    expect(countersAt(index, MIDNIGHT).lastHour).toBeGreaterThan(0);
    expect(countersAt(index, MIDNIGHT - MINUTE_MS).today).toBeGreaterThan(100);
  });

  it('floors the clock to the step and keeps it inside the replay', () => {
    const t = MIDNIGHT + 5 * MINUTE_MS + 42_000;
    expect(countersAt(index, t).at).toBe(MIDNIGHT + 5 * MINUTE_MS);
    expect(counterClock(index, Date.parse(data.from) - DAY_MS)).toBe(Date.parse(data.from));
    expect(counterClock(index, NOW + DAY_MS)).toBe(Date.parse(data.to));
  });

  it('resolved today and the backlog at the start of the hour; an unrecorded hour is null', () => {
    const t = MIDNIGHT + 2 * HOUR_MS + 17 * MINUTE_MS;
    const resolvedToday = ARRIVALS.filter((a, i) => i % 10 === 0 && a >= MIDNIGHT && a < t).length;
    const c = countersAt(index, t);
    expect(c.resolvedToday).toBe(resolvedToday);
    const hour = (MIDNIGHT + 2 * HOUR_MS - Date.parse(data.backlog.from)) / HOUR_MS;
    expect(c.backlogAt).toBe(MIDNIGHT + 2 * HOUR_MS);
    expect(c.open).toBe(100 + hour);
    expect(c.overdue).toBe(hour);
    expect(c.veryLate).toBe(Math.floor(hour / 2));
    const unrecorded = countersAt(index, Date.parse(data.backlog.from) + 3 * HOUR_MS + 10 * MINUTE_MS);
    expect(unrecorded.open).toBeNull();
    expect(unrecorded.overdue).toBeNull();
    expect(unrecorded.veryLate).toBeNull();
  });
});

describe('the replay clock', () => {
  const bounds = { from: 1_000_000, to: 1_000_000 + DAY_MS };
  const state: ReplayState = { span: '24h', speed: 300, playing: true, clock: bounds.from, loop: false };

  it('moves by real time × speed, and not at all when paused', () => {
    expect(advanceClock(state, 1_000, bounds).clock).toBe(bounds.from + 300_000);
    expect(advanceClock({ ...state, speed: 900 }, 100, bounds).clock).toBe(bounds.from + 90_000);
    expect(advanceClock({ ...state, playing: false }, 1_000, bounds)).toEqual({ ...state, playing: false });
  });

  it('stops on the last frame at the end, or starts over when looping', () => {
    const nearEnd = { ...state, clock: bounds.to - 1_000 };
    expect(advanceClock(nearEnd, 1_000, bounds)).toMatchObject({ clock: bounds.to, playing: false });
    expect(advanceClock({ ...nearEnd, loop: true }, 1_000, bounds)).toMatchObject({
      clock: bounds.from,
      playing: true,
    });
    // Play at the end starts from the beginning.
    expect(play({ ...state, clock: bounds.to, playing: false }, bounds)).toMatchObject({
      clock: bounds.from,
      playing: true,
    });
  });

  it('offers only the span speeds; switching span keeps a moment inside the new range', () => {
    expect(speedFor('24h', 900)).toBe(900);
    expect(speedFor('24h', 3_600)).toBe(300);
    expect(speedFor('7d', undefined)).toBe(10_800);
    const week = spanBounds('7d', NOW);
    expect(week).toEqual({
      from: Date.parse('2026-11-16T09:00:00Z'),
      to: Date.parse('2026-11-23T09:00:00Z'),
    });
    const inside = { ...state, clock: NOW - 3 * HOUR_MS };
    expect(switchSpan(inside, '7d', week)).toMatchObject({
      span: '7d',
      speed: 10_800,
      clock: NOW - 3 * HOUR_MS,
    });
    expect(switchSpan({ ...inside, clock: NOW - 20 * DAY_MS }, '7d', week).clock).toBe(week.from);
  });
});

describe('the map frame', () => {
  it('24h: weights the trailing hour by freshness, dots for the last minutes, pulses for the newest', () => {
    const at = MIDNIGHT;
    const data = dayPayload([
      at - 30_000,
      at - 5 * MINUTE_MS,
      at - 30 * MINUTE_MS,
      at - 2 * HOUR_MS,
      at + 1_000,
    ]);
    const frame = mapFrameAt(data, at, 60, () => [0, 0]);
    // Three arrivals inside the last hour (the one two hours back and the future one are not on the map).
    const total = frame.weights[0]! + frame.weights[1]!;
    expect(total).toBeGreaterThan(2);
    expect(total).toBeLessThan(3);
    expect(frame.dots.length).toBe(2);
    expect(frame.dots.every((d) => d.freshness > 0 && d.freshness <= 1)).toBe(true);
    expect(DOT_TRAIL_MS).toBe(10 * MINUTE_MS);
    // At 1 min/s a pulse lasts 1.5 s of real time = 90 s replayed: only the newest arrival rings.
    expect(frame.pulses).toHaveLength(1);
    expect(frame.pulses[0]!.phase).toBeCloseTo(30_000 / 90_000, 5);
    // Faster, more of the recent past rings, but never more than PULSE_LIMIT.
    expect(mapFrameAt(data, at, 900, () => [0, 0]).pulses).toHaveLength(2);
    const crowd = dayPayload(Array.from({ length: 200 }, (_, i) => at - 1_000 - i * 1_000));
    expect(mapFrameAt(crowd, at, 900, () => [0, 0]).pulses).toHaveLength(PULSE_LIMIT);
  });

  it('7d: an hour grows with its elapsed part, fades over the trail, and its cells pulse while it runs', () => {
    const { from, to } = spanBounds('7d', NOW);
    const mapFrom = from - 6 * HOUR_MS;
    const hours = (to - mapFrom) / HOUR_MS;
    const hourStart = Array.from({ length: hours + 1 }, (_, h) => (h <= 10 ? 0 : 2));
    const data: PlaybackData = {
      ...dayPayload([]),
      span: '7d',
      stepMs: HOUR_MS,
      from: iso(from),
      to: iso(to),
      cells: ['861181b6fffffff', '86118a3a7ffffff'],
      // Hour 10 (from mapFrom) holds 40 complaints in cell 0 and 10 in cell 1.
      map: {
        kind: 'cells',
        from: iso(mapFrom),
        hourStart,
        cell: [0, 1],
        n: [40, 10],
        trimmed: false,
      },
    };
    const hour10 = mapFrom + 10 * HOUR_MS;
    const quarter = mapFrameAt(data, hour10 + 15 * MINUTE_MS, 3_600, () => [1, 2]);
    expect(quarter.weights[0]).toBeCloseTo(10, 5);
    expect(quarter.weights[1]).toBeCloseTo(2.5, 5);
    expect(quarter.pulses).toEqual([
      { lon: 1, lat: 2, phase: 0.25 },
      { lon: 1, lat: 2, phase: 0.25 },
    ]);
    const later = mapFrameAt(data, hour10 + 4 * HOUR_MS, 3_600, () => [1, 2]);
    expect(later.weights[0]).toBeCloseTo(40 * (1 - 3 / 6), 5);
    expect(later.pulses).toEqual([]);
    expect(mapFrameAt(data, hour10 + 8 * HOUR_MS, 3_600, () => [1, 2]).maxWeight).toBe(0);
    expect(mapFrameAt(data, hour10 - 1, 3_600, () => [1, 2]).maxWeight).toBe(0);
  });
});

describe('the replay in the URL', () => {
  it('round-trips span, speed, time and loop, keeping other keys; a link always plays', () => {
    const state: ReplayState = { span: '7d', speed: 21_600, playing: true, clock: NOW + 123, loop: true };
    const query = replayQuery(new URLSearchParams('foo=1'), state);
    expect(query.toString()).toBe('foo=1&replay=7d&speed=21600&t=2026-11-23T09%3A30%3A00.000Z&loop=1');
    expect(parseReplayQuery(query)).toEqual({
      span: '7d',
      speed: 21_600,
      clock: NOW,
      playing: true,
      loop: true,
    });
    // Written while paused, the link still plays when opened: only a hand-typed play=0 pauses it.
    const paused = replayQuery(new URLSearchParams(), { ...state, playing: false });
    expect(paused.has('play')).toBe(false);
    expect(parseReplayQuery(paused)?.playing).toBe(true);
    expect(parseReplayQuery(new URLSearchParams('replay=24h&play=0'))?.playing).toBe(false);
    expect(replayQuery(query, null).toString()).toBe('foo=1');
  });

  it('ignores an unknown span and falls back to the default speed and the start', () => {
    expect(parseReplayQuery(new URLSearchParams('replay=3d'))).toBeNull();
    expect(parseReplayQuery(new URLSearchParams('replay=24h&speed=7&t=garbage'))).toEqual({
      span: '24h',
      speed: 300,
      clock: null,
      playing: true,
      loop: false,
    });
  });
});
