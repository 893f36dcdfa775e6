import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';
import { getOpenCells } from '../queries/get-open-cells';
import { getRecentComplaints } from '../queries/get-recent-complaints';
import { getComplaintTexts } from '../queries/get-complaint-texts';
import { lazyExcerpt } from '../text/lazy-excerpt';
import { getSummary } from '../queries/get-summary';
import { CellUniverse, oblastCells } from '../geo/cell-universe';
import type { CommittedChange, CreatedComplaint } from '../commit/change-bus';
import { packCells } from './cell-vector';
import { WALL_H3_RESOLUTION } from '../domain/h3-resolutions';
import {
  RECENT_LIMIT,
  RECENT_PER_DELTA,
  scopeKeyOf,
  type CellCount,
  type RecentComplaint,
  type SummaryNumbers,
  type WallDelta,
  type WallScope,
  type WallSnapshot,
} from './contract';
import { SerialLock } from './serial-lock';
import { describeError } from '../log/describe-error';

export interface LiveHubOptions {
  /** Coalescing window: changes within it reach a screen as one delta. */
  flushMs?: number;
  /** Time-driven refresh (last hour decays, complaints become overdue, midnight) and heartbeat. */
  tickMs?: number;
  /**
   * Deltas kept per scope so a client that dropped for a moment catches up without a snapshot. Each delta holds
   * the whole state (~7 kB), so past a few of them a snapshot is the cheaper catch-up.
   */
  replayLimit?: number;
  /** A scope nobody listens to is dropped after this long. */
  idleScopeMs?: number;
}

interface ScopeState {
  key: string;
  scope: WallScope;
  seq: number;
  summary: SummaryNumbers;
  cells: Map<string, CellCount>;
  recent: RecentComplaint[];
  /** Arrivals since the last delta, newest first; turned into ticker entries (and masked) only if kept. */
  pendingRecent: CreatedComplaint[];
  ring: WallDelta[];
  lastUsed: number;
  /** Size of the cell index this scope's subscribers hold. */
  indexSize: number;
}

export interface Attachment {
  snapshot: (snapshot: WallSnapshot) => void;
  delta: (delta: WallDelta) => void;
  /** Called under the hub's lock right after the catch-up, so no broadcast falls between the two. */
  join: () => void;
}

type DeltaListener = (scopeKey: string, delta: WallDelta) => void;

const sameNumbers = (a: SummaryNumbers, b: SummaryNumbers) =>
  a.today === b.today && a.lastHour === b.lastHour && a.open === b.open && a.overdue === b.overdue;

function sameCells(a: Map<string, CellCount>, b: Map<string, CellCount>): boolean {
  if (a.size !== b.size) return false;
  for (const [h3, cell] of a) {
    const other = b.get(h3);
    if (!other || other.open !== cell.open || other.overdue !== cell.overdue) return false;
  }
  return true;
}

function matches(scope: WallScope, c: CreatedComplaint): boolean {
  return (
    (!scope.block || c.blockCode === scope.block) &&
    (!scope.municipality || c.municipalityOktmo === scope.municipality)
  );
}

function mergeRecent(arrived: RecentComplaint[], known: RecentComplaint[]): RecentComplaint[] {
  const ids = new Set(arrived.map((r) => r.id));
  return [...arrived, ...known.filter((r) => !ids.has(r.id))].slice(0, RECENT_LIMIT);
}

function toRecent(c: CreatedComplaint): RecentComplaint {
  return {
    id: c.id,
    // Masked once, the first time any scope shows it, whatever the number of scopes it shows in.
    excerpt: c.excerpt?.() ?? '',
    receivedAt: c.receivedAt.toISOString(),
    block: c.blockCode ?? '',
    category: c.categoryCode ?? '',
    municipality: c.municipalityOktmo,
    lat: c.lat,
    lon: c.lon,
  };
}

/**
 * The live state of every watched scope, recounted from the database after commits (coalesced) and on a
 * clock tick, and sent on as numbered deltas. Everything that reads or advances a scope runs under one lock,
 * so a snapshot and the deltas after it never overlap or leave a gap.
 */
export class LiveHub {
  readonly epoch = randomUUID().slice(0, 8);
  private readonly universe = new CellUniverse(oblastCells(WALL_H3_RESOLUTION));
  private readonly scopes = new Map<string, ScopeState>();
  private readonly listeners = new Set<DeltaListener>();
  private readonly opts: Required<LiveHubOptions>;
  private readonly lock = new SerialLock();
  private flushTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void;
  private stopped = false;
  hasListeners: (scopeKey: string) => boolean = () => false;

  constructor(
    private readonly ctx: AppContext,
    options: LiveHubOptions = {},
  ) {
    this.opts = { flushMs: 150, tickMs: 15_000, replayLimit: 8, idleScopeMs: 10 * 60_000, ...options };
    this.unsubscribe = ctx.changes.subscribe((change) => this.onChange(change));
  }

  start(): void {
    this.tickTimer = setInterval(() => void this.tick(), this.opts.tickMs);
    this.tickTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    await this.lock.idle();
  }

  onDelta(listener: DeltaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current state of a scope (counted now if nobody watched it yet). */
  snapshot(scope: WallScope): Promise<WallSnapshot> {
    return this.lock.run(async () => this.toSnapshot(await this.ensure(scope)));
  }

  /** Catches a subscriber up (replay after `resume`, or a snapshot) and joins it to the scope's broadcasts. */
  attach(
    scope: WallScope,
    resume: { epoch: string; seq: number } | undefined,
    to: Attachment,
  ): Promise<string> {
    return this.lock.run(async () => {
      const state = await this.ensure(scope);
      const firstKept = state.ring[0]?.seq ?? state.seq + 1;
      const canReplay =
        resume !== undefined &&
        resume.epoch === this.epoch &&
        resume.seq <= state.seq &&
        resume.seq + 1 >= firstKept;
      if (canReplay) for (const delta of state.ring) if (delta.seq > resume.seq) to.delta(delta);
      if (!canReplay) to.snapshot(this.toSnapshot(state));
      to.join();
      return state.key;
    });
  }

  /** Recounts every watched scope now (tests and the flush timer use it). */
  flush(heartbeat = false): Promise<void> {
    return this.lock.run(async () => {
      for (const state of this.scopes.values()) await this.refresh(state, heartbeat);
    });
  }

  private onChange(change: CommittedChange): void {
    if (this.stopped) return;
    // Only the newest few per scope become ticker entries; their excerpts are masked once, shared by every scope.
    for (const state of this.scopes.values()) {
      const arrivals = change.created.filter((c) => matches(state.scope, c));
      if (arrivals.length > 0)
        state.pendingRecent = [...arrivals.reverse(), ...state.pendingRecent].slice(0, RECENT_LIMIT);
    }
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        this.flush().catch((error: unknown) =>
          this.ctx.log.error({ err: describeError(error) }, 'live flush failed'),
        );
      }, this.opts.flushMs);
    }
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [key, state] of this.scopes) {
      if (!this.hasListeners(key) && now - state.lastUsed > this.opts.idleScopeMs) this.scopes.delete(key);
    }
    await this.flush(true).catch((error: unknown) =>
      this.ctx.log.error({ err: describeError(error) }, 'live tick failed'),
    );
  }

  private async ensure(scope: WallScope): Promise<ScopeState> {
    const key = scopeKeyOf(scope);
    let state = this.scopes.get(key);
    if (!state) {
      const now = this.ctx.now();
      const [summary, cells, recent] = await Promise.all([
        getSummary(this.ctx.db, scope, now),
        getOpenCells(this.ctx.db, scope, now),
        getRecentComplaints(this.ctx.db, scope, RECENT_LIMIT),
      ]);
      this.universe.include(cells.map((c) => c.h3));
      state = {
        key,
        scope: { ...scope },
        seq: 0,
        summary,
        cells: new Map(cells.map((c) => [c.h3, c])),
        recent,
        pendingRecent: [],
        ring: [],
        lastUsed: Date.now(),
        indexSize: this.universe.index.length,
      };
      this.scopes.set(key, state);
    }
    state.lastUsed = Date.now();
    return state;
  }

  private async refresh(state: ScopeState, heartbeat: boolean): Promise<void> {
    const now = this.ctx.now();
    const [summary, cellList] = await Promise.all([
      getSummary(this.ctx.db, state.scope, now),
      getOpenCells(this.ctx.db, state.scope, now),
    ]);
    const cells = new Map(cellList.map((c) => [c.h3, c]));
    const arrivals = state.pendingRecent;
    state.pendingRecent = [];
    await this.readTexts(arrivals);
    const changed =
      !sameNumbers(summary, state.summary) || !sameCells(cells, state.cells) || arrivals.length > 0;
    if (!changed && !heartbeat) return;

    const grew = this.universe.include(cells.keys()) || state.indexSize !== this.universe.index.length;
    state.seq += 1;
    state.summary = summary;
    state.cells = cells;
    state.recent = mergeRecent(arrivals.map(toRecent), state.recent);
    const delta: WallDelta = {
      scopeKey: state.key,
      epoch: this.epoch,
      seq: state.seq,
      summary,
      cellVector: packCells(this.universe.index, this.universe.position, cells.values()),
      recent: state.recent.slice(0, RECENT_PER_DELTA),
    };
    if (grew) {
      delta.cellIndex = [...this.universe.index];
      state.indexSize = this.universe.index.length;
    }
    state.ring.push(delta);
    if (state.ring.length > this.opts.replayLimit) state.ring.shift();
    for (const listener of this.listeners) listener(state.key, delta);
  }

  /**
   * Arrivals another node stored come without their text (the feed carries none): the few this scope is about
   * to show are read in one query and given the same lazy, once-only masking as local ones. The objects are
   * shared by every scope, so a text is read once whatever the number of scopes showing it.
   */
  private async readTexts(arrivals: CreatedComplaint[]): Promise<void> {
    const missing = arrivals.filter((c) => !c.excerpt);
    if (missing.length === 0) return;
    const texts = await getComplaintTexts(this.ctx.db, missing);
    for (const c of missing) c.excerpt = lazyExcerpt(texts.get(c.id) ?? '');
  }

  private toSnapshot(state: ScopeState): WallSnapshot {
    return {
      scopeKey: state.key,
      scope: state.scope,
      epoch: this.epoch,
      seq: state.seq,
      summary: state.summary,
      cellIndex: [...this.universe.index],
      cells: [...state.cells.values()],
      recent: state.recent,
    };
  }
}
