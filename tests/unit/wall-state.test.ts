import { describe, expect, it } from 'vitest';
import {
  RECENT_LIMIT,
  type RecentComplaint,
  type SummaryNumbers,
  type WallDelta,
  type WallSnapshot,
} from '@/lib/realtime/contract';
import {
  ARRIVAL_TTL_MS,
  applyDelta,
  applySnapshot,
  resumePoint,
  type WallState,
} from '@/lib/realtime/client/wall-state';
import { packCells, unpackCells, type CellCountLike } from '@/lib/realtime/cell-vector';

const KEY = 'block=*;municipality=*';
const T0 = 1_800_000_000_000;

function summary(today: number, open = 10): SummaryNumbers {
  return {
    today,
    lastHour: 1,
    open,
    overdue: 2,
    resolvedToday: 3,
    weekAgo: { today: 90, lastHour: 2, resolvedToday: 4, open: null, overdue: null },
    asOf: '2026-11-22T10:00:00.000Z',
  };
}

function recent(id: number, lat: number | null = 55.8): RecentComplaint {
  return {
    id,
    excerpt: 'Нет горячей воды',
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
    cellIndex: INDEX,
    cells: START_CELLS,
    recent: [recent(2), recent(1)],
    ...over,
  };
}

const INDEX = ['a', 'b', 'c'];
const POSITION = new Map(INDEX.map((h3, i) => [h3, i]));
const START_CELLS = [
  { h3: 'a', open: 3, overdue: 1 },
  { h3: 'b', open: 1, overdue: 0 },
];

/** A delta as the server builds it: the whole state, cells packed. Defaults repeat the snapshot. */
function delta(
  seq: number,
  over: Partial<Omit<WallDelta, 'cellVector'>> & { cells?: CellCountLike[] } = {},
): WallDelta {
  const { cells = START_CELLS, ...rest } = over;
  return {
    scopeKey: KEY,
    epoch: 'e1',
    seq,
    summary: summary(100),
    cellVector: packCells(
      rest.cellIndex ?? INDEX,
      rest.cellIndex ? new Map(rest.cellIndex.map((h, i) => [h, i])) : POSITION,
      cells,
    ),
    recent: [recent(2), recent(1)],
    ...rest,
  };
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
  it('applies seq + 1: absolute summary, the packed cells, new arrivals first', () => {
    const s = applied(
      start(),
      delta(6, {
        summary: summary(101, 11),
        cells: [
          { h3: 'a', open: 4, overdue: 1 },
          { h3: 'c', open: 1, overdue: 0 },
        ],
        recent: [recent(3), recent(2), recent(1)],
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

  it('takes a grown cell index from the delta', () => {
    const s = applied(
      start(),
      delta(6, { cellIndex: [...INDEX, 'd'], cells: [{ h3: 'd', open: 2, overdue: 2 }] }),
    );
    expect(s.cellIndex).toEqual(['a', 'b', 'c', 'd']);
    expect(s.cells).toEqual([{ h3: 'd', open: 2, overdue: 2 }]);
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

describe('packed cells', () => {
  it('round-trip in index order, skip empty cells and saturate at 65,535', () => {
    const packed = packCells(INDEX, POSITION, [
      { h3: 'c', open: 70_000, overdue: 5 },
      { h3: 'a', open: 1, overdue: 0 },
      { h3: 'zz', open: 9, overdue: 9 },
    ]);
    expect(packed.open.byteLength).toBe(INDEX.length * 2);
    expect(unpackCells(INDEX, packed)).toEqual([
      { h3: 'a', open: 1, overdue: 0 },
      { h3: 'c', open: 65_535, overdue: 5 },
    ]);
  });

  it('have the same size however many complaints changed', () => {
    const few = packCells(INDEX, POSITION, [{ h3: 'a', open: 1, overdue: 0 }]);
    const many = packCells(
      INDEX,
      POSITION,
      INDEX.map((h3) => ({ h3, open: 40_000, overdue: 20_000 })),
    );
    expect(many.open.byteLength + many.overdue.byteLength).toBe(few.open.byteLength + few.overdue.byteLength);
  });
});
