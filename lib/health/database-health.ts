import type { PoolStats } from '../../db/client';
import { databaseErrors, databasePool, databaseUp } from '../metrics/registry';
import { classifyDbError, DatabaseUnavailableError, type DbErrorKind } from './classify-db-error';

type Listener = (up: boolean, since: Date) => void;

interface HealthLog {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

export interface DatabaseHealthOptions {
  /** One cheap round trip that rejects within `deadlineMs` (DbHandle.ping: a connection of its own). */
  ping: (deadlineMs: number) => Promise<void>;
  /** The pool as the server counts it, for the databasePool metric; sampled by the probe while up. */
  poolStats?: () => Promise<PoolStats | null>;
  /** Sent with every probe while down: keeps the pool's queued queries failing instead of waiting (db/client). */
  nudge?: () => void;
  log?: HealthLog;
  /** While down, the probe tries this often (default 250 ms): recovery is seen within about that. */
  downProbeMs?: number;
  /**
   * While up and started, the probe looks this often (default 1,000 ms), so an outage is seen with no request
   * running and screens are told; 0: only failures reported by requests reveal an outage.
   */
  upProbeMs?: number;
  /** A probe without an answer this long counts as a failure (default 1,000 ms). */
  probeDeadlineMs?: number;
  now?: () => Date;
}

/**
 * Whether this node can reach its database, known from two sides: requests and background work report the
 * failures they meet (`reportFailure`), and a cheap probe on a connection of its own confirms an outage before
 * it is declared (one broken connection is not an outage), looks every quarter second while down so recovery
 * is seen at once, and every second while up. While down, route() answers 503 without trying, pages get a
 * short error page, and screens are told (`onChange` → `server:status`).
 */
export class DatabaseHealth {
  private state = { up: true, since: new Date() };
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private probing: Promise<void> | null = null;
  private watching = false;
  private stopped = false;
  private readonly now: () => Date;

  constructor(private readonly options: DatabaseHealthOptions) {
    this.now = options.now ?? (() => new Date());
    this.state.since = this.now();
    databaseUp.set(1);
  }

  get up(): boolean {
    return this.state.up;
  }

  /** When the current state (up or down) began. */
  get since(): Date {
    return this.state.since;
  }

  /** Called on every change with the new state; returns the unsubscribe. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A failure met by a request or background work: counted by kind; an `unavailable` one is confirmed by the
   * probe and, if the probe fails too, makes the database down. Returns the kind, so a caller can answer.
   */
  reportFailure(error: unknown): DbErrorKind {
    const kind = classifyDbError(error);
    if (error instanceof DatabaseUnavailableError) return kind;
    databaseErrors.inc({ kind });
    if (kind === 'unavailable' && this.state.up) void this.probe();
    return kind;
  }

  /** A round trip succeeded: the database is up. */
  reportSuccess(): void {
    this.set(true);
  }

  /** The error to throw instead of trying the database while it is down. */
  unavailable(): DatabaseUnavailableError {
    return new DatabaseUnavailableError(this.state.since);
  }

  /** One probe now, within `deadlineMs`: true when the database answered (the state follows). */
  async check(deadlineMs = this.options.probeDeadlineMs ?? 1_000): Promise<boolean> {
    try {
      await this.options.ping(deadlineMs);
      this.set(true);
      return true;
    } catch (error) {
      databaseErrors.inc({ kind: classifyDbError(error) });
      this.set(false);
      return false;
    }
  }

  /** Starts looking while up too (the server and the whole app; tests usually rely on reported failures). */
  start(): void {
    this.watching = true;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private probe(): Promise<void> {
    this.probing ??= (async () => {
      if (!this.state.up) this.options.nudge?.();
      await this.check();
      if (this.state.up && this.options.poolStats) await this.samplePool();
    })().finally(() => {
      this.probing = null;
      this.schedule();
    });
    return this.probing;
  }

  private async samplePool(): Promise<void> {
    try {
      const stats = await this.options.poolStats!();
      if (!stats) return;
      databasePool.set({ state: 'open' }, stats.open);
      databasePool.set({ state: 'busy' }, stats.busy);
      databasePool.set({ state: 'max' }, stats.max);
    } catch {
      // The next probe tells whether the database is gone; a missed sample is no news.
    }
  }

  private schedule(): void {
    if (this.stopped || this.probing) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const every = this.state.up
      ? this.watching
        ? (this.options.upProbeMs ?? 1_000)
        : 0
      : (this.options.downProbeMs ?? 250);
    if (every <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.probe();
    }, every);
    this.timer.unref?.();
  }

  private set(up: boolean): void {
    if (this.state.up === up) return;
    const now = this.now();
    const downFor = now.getTime() - this.state.since.getTime();
    this.state = { up, since: now };
    databaseUp.set(up ? 1 : 0);
    // Queries the pool holds fail now rather than at the next one (see DbHandle.nudge).
    if (!up) this.options.nudge?.();
    if (up)
      this.options.log?.info({ downSeconds: Math.round(downFor / 100) / 10 }, 'database available again');
    else this.options.log?.warn({}, 'database unavailable');
    for (const listener of this.listeners) {
      try {
        listener(up, now);
      } catch {
        // A listener's fault must not keep the others, or the state, from changing.
      }
    }
    this.schedule();
  }
}
