import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';
import { getOpenCells } from '../queries/get-open-cells';
import { getRecentComplaints } from '../queries/get-recent-complaints';
import { getSummary } from '../queries/get-summary';
import type { CommittedChange, CreatedComplaint } from './change-bus';
import {
  RECENT_LIMIT,
  scopeKeyOf,
  type CellCount,
  type RecentComplaint,
  type SummaryNumbers,
  type WallDelta,
  type WallScope,
  type WallSnapshot,
} from './contract';

export interface LiveHubOptions {
  /** Coalescing window: changes within it reach a screen as one delta. */
  flushMs?: number;
  /** Time-driven refresh (last hour decays, complaints become overdue, midnight) and heartbeat. */
  tickMs?: number;
  /** Deltas kept per scope so a reconnecting client can catch up without a snapshot. */
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
  pendingRecent: RecentComplaint[];
  ring: WallDelta[];
  lastUsed: number;
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

function matches(scope: WallScope, c: CreatedComplaint): boolean {
  return (
    (!scope.block || c.blockCode === scope.block) &&
    (!scope.municipality || c.municipalityOktmo === scope.municipality)
  );
}

function toRecent(c: CreatedComplaint): RecentComplaint {
  return {
    id: c.id,
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
  private readonly scopes = new Map<string, ScopeState>();
  private readonly listeners = new Set<DeltaListener>();
  private readonly opts: Required<LiveHubOptions>;
  private lock: Promise<unknown> = Promise.resolve();
  private flushTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void;
  private stopped = false;
  hasListeners: (scopeKey: string) => boolean = () => false;

  constructor(
    private readonly ctx: AppContext,
    options: LiveHubOptions = {},
  ) {
    this.opts = { flushMs: 250, tickMs: 15_000, replayLimit: 500, idleScopeMs: 10 * 60_000, ...options };
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
    await this.lock.catch(() => {});
  }

  onDelta(listener: DeltaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current state of a scope (counted now if nobody watched it yet). */
  snapshot(scope: WallScope): Promise<WallSnapshot> {
    return this.exclusive(async () => this.toSnapshot(await this.ensure(scope)));
  }

  /** Catches a subscriber up (replay after `resume`, or a snapshot) and joins it to the scope's broadcasts. */
  attach(
    scope: WallScope,
    resume: { epoch: string; seq: number } | undefined,
    to: Attachment,
  ): Promise<string> {
    return this.exclusive(async () => {
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
    return this.exclusive(async () => {
      for (const state of this.scopes.values()) await this.refresh(state, heartbeat);
    });
  }

  private onChange(change: CommittedChange): void {
    if (this.stopped) return;
    for (const state of this.scopes.values()) {
      const arrivals = change.created.filter((c) => matches(state.scope, c)).map(toRecent);
      if (arrivals.length > 0)
        state.pendingRecent = [...arrivals.reverse(), ...state.pendingRecent].slice(0, RECENT_LIMIT);
    }
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => {
        this.flushTimer = null;
        this.flush().catch((error: unknown) => this.ctx.log.error({ err: error }, 'live flush failed'));
      }, this.opts.flushMs);
    }
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [key, state] of this.scopes) {
      if (!this.hasListeners(key) && now - state.lastUsed > this.opts.idleScopeMs) this.scopes.delete(key);
    }
    await this.flush(true).catch((error: unknown) => this.ctx.log.error({ err: error }, 'live tick failed'));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => {});
    return run;
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
    const changedCells: CellCount[] = [];
    const next = new Map(cellList.map((c) => [c.h3, c]));
    for (const cell of cellList) {
      const before = state.cells.get(cell.h3);
      if (!before || before.open !== cell.open || before.overdue !== cell.overdue) changedCells.push(cell);
    }
    for (const h3 of state.cells.keys()) if (!next.has(h3)) changedCells.push({ h3, open: 0, overdue: 0 });
    const recent = state.pendingRecent;
    state.pendingRecent = [];
    const summaryChanged = !sameNumbers(summary, state.summary);
    if (!summaryChanged && !heartbeat && changedCells.length === 0 && recent.length === 0) return;

    const delta: WallDelta = { scopeKey: state.key, epoch: this.epoch, seq: state.seq + 1, summary };
    if (changedCells.length > 0) delta.cells = changedCells;
    if (recent.length > 0) delta.recent = recent;
    state.seq = delta.seq;
    state.summary = summary;
    state.cells = next;
    state.recent = [...recent, ...state.recent].slice(0, RECENT_LIMIT);
    state.ring.push(delta);
    if (state.ring.length > this.opts.replayLimit) state.ring.shift();
    for (const listener of this.listeners) listener(state.key, delta);
  }

  private toSnapshot(state: ScopeState): WallSnapshot {
    return {
      scopeKey: state.key,
      scope: state.scope,
      epoch: this.epoch,
      seq: state.seq,
      summary: state.summary,
      cells: [...state.cells.values()],
      recent: state.recent,
    };
  }
}
