import { describe, expect, it } from 'vitest';
import {
  RECENT_LIMIT,
  type RecentComplaint,
  type WallDelta,
  type WallSnapshot,
} from '@/lib/realtime/contract';
import {
  ARRIVAL_TTL_MS,
  applyDelta,
  applySnapshot,
  mergeCells,
  resumePoint,
  type WallState,
} from '@/lib/client/wall-state';

const KEY = 'block=*;municipality=*';
const T0 = 1_800_000_000_000;

function summary(today: number, open = 10) {
  return { today, lastHour: 1, open, overdue: 2, asOf: '2026-11-22T10:00:00.000Z' };
}

function recent(id: number, lat: number | null = 55.8): RecentComplaint {
  return {
    id,
    receivedAt: '2026-11-22T10:00:00.000Z',
    block: 'housing',
    category: 'housing.no-hot-water',
    municipality: '46704000000',
    lat,
    lon: lat === null ? null : 37.9,
  };
}

function snapshot(over: Partial<WallSnapshot> = {}): WallSnapshot {
  return {
    scopeKey: KEY,
    scope: {},
    epoch: 'e1',
    seq: 5,
    summary: summary(100),
    cells: [
      { h3: 'a', open: 3, overdue: 1 },
      { h3: 'b', open: 1, overdue: 0 },
    ],
    recent: [recent(2), recent(1)],
    ...over,
  };
}

function delta(seq: number, over: Partial<WallDelta> = {}): WallDelta {
  return { scopeKey: KEY, epoch: 'e1', seq, ...over };
}

function start(): WallState {
  return applySnapshot(null, snapshot(), T0);
}

function applied(state: WallState, d: WallDelta, now = T0 + 1000): WallState {
  const next = applyDelta(state, d, now);
  if (next === 'resync') throw new Error('unexpected resync');
  return next;
}

describe('applySnapshot', () => {
  it('takes the whole state and starts with no pulses', () => {
    const s = start();
    expect(s).toMatchObject({ epoch: 'e1', seq: 5, cellsVersion: 1, receivedAt: T0 });
    expect(s.cells).toHaveLength(2);
    expect(s.arrivals).toEqual([]);
    expect(resumePoint(s)).toEqual({ epoch: 'e1', seq: 5 });
  });

  it('bumps the layer version on every snapshot, also a re-sync', () => {
    const again = applySnapshot(start(), snapshot({ epoch: 'e2', seq: 0 }), T0 + 5);
    expect(again.cellsVersion).toBe(2);
    expect(again.epoch).toBe('e2');
  });
});

describe('applyDelta', () => {
  it('applies seq + 1: absolute summary, changed cells, removed cells, new arrivals first', () => {
    const s = applied(
      start(),
      delta(6, {
        summary: summary(101, 11),
        cells: [
          { h3: 'a', open: 4, overdue: 1 },
          { h3: 'b', open: 0, overdue: 0 },
          { h3: 'c', open: 1, overdue: 0 },
        ],
        recent: [recent(3)],
      }),
    );
    expect(s.seq).toBe(6);
    expect(s.summary.today).toBe(101);
    expect(s.cells).toEqual([
      { h3: 'a', open: 4, overdue: 1 },
      { h3: 'c', open: 1, overdue: 0 },
    ]);
    expect(s.cellsVersion).toBe(2);
    expect(s.recent.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(s.arrivals).toEqual([{ id: 3, lat: 55.8, lon: 37.9, seenAt: T0 + 1000 }]);
  });

  it('keeps the cell array (and version) when no cell changed', () => {
    const before = start();
    const s = applied(before, delta(6, { summary: summary(100) }));
    expect(s.cells).toBe(before.cells);
    expect(s.cellsVersion).toBe(before.cellsVersion);
  });

  it('asks for a resync on a gap or a new epoch', () => {
    expect(applyDelta(start(), delta(7), T0)).toBe('resync');
    expect(applyDelta(start(), delta(6, { epoch: 'e2' }), T0)).toBe('resync');
  });

  it('ignores replayed deltas it already holds and deltas of other scopes', () => {
    const s = start();
    expect(applyDelta(s, delta(5, { summary: summary(1) }), T0)).toBe(s);
    expect(applyDelta(s, delta(3), T0)).toBe(s);
    expect(applyDelta(s, { ...delta(6), scopeKey: 'block=health;municipality=*' }, T0)).toBe(s);
  });

  it('follows a run of deltas and resumes from the last one', () => {
    let s = start();
    for (let seq = 6; seq <= 9; seq++) s = applied(s, delta(seq, { summary: summary(100 + seq) }));
    expect(s.summary.today).toBe(109);
    expect(resumePoint(s)).toEqual({ epoch: 'e1', seq: 9 });
  });

  it('keeps at most RECENT_LIMIT recent items, without duplicates', () => {
    let s = start();
    const burst = Array.from({ length: RECENT_LIMIT + 5 }, (_, i) => recent(100 + i));
    s = applied(s, delta(6, { recent: burst }));
    s = applied(s, delta(7, { recent: [recent(100)] }));
    expect(s.recent).toHaveLength(RECENT_LIMIT);
    expect(new Set(s.recent.map((r) => r.id)).size).toBe(RECENT_LIMIT);
    expect(s.recent[0]?.id).toBe(100);
  });

  it('does not pulse arrivals without coordinates and lets old pulses expire', () => {
    let s = applied(start(), delta(6, { recent: [recent(3, null), recent(4)] }), T0);
    expect(s.arrivals.map((a) => a.id)).toEqual([4]);
    s = applied(s, delta(7, { summary: summary(1) }), T0 + ARRIVAL_TTL_MS + 1);
    expect(s.arrivals).toEqual([]);
  });
});

describe('mergeCells', () => {
  it('adds, updates and removes by h3 without mutating the input', () => {
    const cells = [{ h3: 'a', open: 1, overdue: 0 }];
    const merged = mergeCells(cells, [
      { h3: 'a', open: 0, overdue: 0 },
      { h3: 'z', open: 2, overdue: 2 },
    ]);
    expect(merged).toEqual([{ h3: 'z', open: 2, overdue: 2 }]);
    expect(cells).toEqual([{ h3: 'a', open: 1, overdue: 0 }]);
  });
});
