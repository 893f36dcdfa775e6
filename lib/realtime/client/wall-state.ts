/**
 * The wall's client state machine, kept pure so it can be tested without a socket or a browser.
 * A snapshot replaces everything; a delta must carry the same epoch and seq = last + 1, otherwise the caller
 * re-subscribes with `resume` (the server replays the gap or sends a new snapshot).
 */
import { unpackCells } from '../cell-vector';
import {
  RECENT_LIMIT,
  type CellCount,
  type RecentComplaint,
  type SummaryNumbers,
  type WallDelta,
  type WallSnapshot,
} from '../contract';

/** A complaint seen arriving live (not in the first snapshot): the map pulses it. */
export interface Arrival {
  id: number;
  lat: number;
  lon: number;
  /** Client clock (ms) when the delta carrying it was applied. */
  seenAt: number;
}

export interface WallState {
  scopeKey: string;
  epoch: string;
  seq: number;
  summary: SummaryNumbers;
  /** The cell order packed updates follow. */
  cellIndex: string[];
  cells: CellCount[];
  /** Grows by one every time `cells` is a new array: layers and tests key on it. */
  cellsVersion: number;
  recent: RecentComplaint[];
  arrivals: Arrival[];
  /** Client clock (ms) of the last snapshot or delta: the «обновлено» time. */
  receivedAt: number;
}

export type DeltaResult = WallState | 'resync';

/** Arrivals older than this are dropped: their pulse has faded. */
export const ARRIVAL_TTL_MS = 10_000;
/** Cap on pulsing dots, so a burst (a backfill replay) cannot flood the map. */
const ARRIVALS_LIMIT = 200;

export function applySnapshot(prev: WallState | null, snapshot: WallSnapshot, now: number): WallState {
  return {
    scopeKey: snapshot.scopeKey,
    epoch: snapshot.epoch,
    seq: snapshot.seq,
    summary: snapshot.summary,
    cellIndex: snapshot.cellIndex,
    cells: snapshot.cells.filter((c) => c.open > 0),
    cellsVersion: (prev?.cellsVersion ?? 0) + 1,
    recent: snapshot.recent.slice(0, RECENT_LIMIT),
    // A snapshot is history, not news: keep only pulses that are already running.
    arrivals: prev ? liveArrivals(prev.arrivals, now) : [],
    receivedAt: now,
  };
}

export function applyDelta(state: WallState, delta: WallDelta, now: number): DeltaResult {
  if (delta.scopeKey !== state.scopeKey) return state;
  if (delta.epoch !== state.epoch) return 'resync';
  // A replay may repeat deltas we already hold; applying them twice would double-count nothing
  // (values are absolute) but would re-pulse old arrivals, so they are skipped.
  if (delta.seq <= state.seq) return state;
  if (delta.seq !== state.seq + 1) return 'resync';

  const cellIndex = delta.cellIndex ?? state.cellIndex;
  const cells = unpackCells(cellIndex, delta.cellVector);
  const known = new Set(state.recent.map((r) => r.id));
  // Every update repeats the latest arrivals (fixed size); only the unseen ones are news that pulses.
  const fresh = delta.recent.filter((r) => !known.has(r.id));
  const next: WallState = { ...state, seq: delta.seq, receivedAt: now, summary: delta.summary, cellIndex };
  if (!sameCells(state.cells, cells)) {
    next.cells = cells;
    next.cellsVersion = state.cellsVersion + 1;
  }
  if (fresh.length > 0) {
    next.recent = mergeRecent(state.recent, fresh);
    next.arrivals = [...arrivalsOf(fresh, now), ...liveArrivals(state.arrivals, now)].slice(
      0,
      ARRIVALS_LIMIT,
    );
  } else if (state.arrivals.length > 0) {
    next.arrivals = liveArrivals(state.arrivals, now);
  }
  return next;
}

function sameCells(a: CellCount[], b: CellCount[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.h3 === b[i]!.h3 && c.open === b[i]!.open && c.overdue === b[i]!.overdue)
  );
}

function mergeRecent(recent: RecentComplaint[], arrived: RecentComplaint[]): RecentComplaint[] {
  const ids = new Set(arrived.map((r) => r.id));
  return [...arrived, ...recent.filter((r) => !ids.has(r.id))].slice(0, RECENT_LIMIT);
}

function arrivalsOf(recent: RecentComplaint[], now: number): Arrival[] {
  const out: Arrival[] = [];
  for (const r of recent)
    if (r.lat !== null && r.lon !== null) out.push({ id: r.id, lat: r.lat, lon: r.lon, seenAt: now });
  return out;
}

function liveArrivals(arrivals: Arrival[], now: number): Arrival[] {
  const live = arrivals.filter((a) => now - a.seenAt < ARRIVAL_TTL_MS);
  return live.length === arrivals.length ? arrivals : live;
}

/** The point to resume from after a gap or a reconnect. */
export function resumePoint(state: WallState | null): { epoch: string; seq: number } | undefined {
  return state ? { epoch: state.epoch, seq: state.seq } : undefined;
}
