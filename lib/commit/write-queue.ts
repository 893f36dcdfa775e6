import { writerQueueItems, writerWaitSeconds } from '../metrics/registry';

/** Raised when the writer is too far behind to accept more work now; the API answers 503 + Retry-After. */
export class OverloadedError extends Error {
  override readonly name = 'OverloadedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`the intake is busy; retry after ${retryAfterSeconds} s`);
  }
}

/**
 * True for an OverloadedError, also one thrown by another copy of this module (Next bundles route handlers
 * separately from the server that built the queue, so `instanceof` cannot be trusted across that line).
 */
export function isOverloaded(error: unknown): error is OverloadedError {
  return (
    error instanceof Error &&
    error.name === 'OverloadedError' &&
    typeof (error as { retryAfterSeconds?: unknown }).retryAfterSeconds === 'number'
  );
}

export interface WriteQueueOptions {
  /** Items (complaints, transitions) allowed to wait for the writer. */
  maxQueuedItems: number;
  /** Intake writes that may run at once (PostgreSQL: 2, so one is prepared while the other commits; PGlite: 1). */
  sharedLanes?: number;
}

interface Task {
  exclusive: boolean;
  items: number;
  start: () => void;
}

/**
 * The writer. Status changes and SLA ticks run alone (`run`): they lock complaint rows, and running them one at
 * a time rules out lock-order deadlocks. Intake writes (`runShared`) may overlap up to `sharedLanes`: they only
 * insert new rows and touch rollup rows in one global order. Tasks start in arrival order; waiting work is bounded.
 */
export class WriteQueue {
  private readonly tasks: Task[] = [];
  private runningShared = 0;
  private runningExclusive = false;
  private queuedItems = 0;
  /** Rows intake's group commit holds waiting for a writer slot (lib/ingest/intake-batcher.ts). */
  private intakeBacklog = 0;
  /** Items written per second, smoothed, to tell a refused caller when to come back. */
  private rate = 5000;

  constructor(private readonly options: WriteQueueOptions) {}

  get backlog(): number {
    return this.queuedItems;
  }

  /** Intake's group commit tells how many rows wait in it: with the writer's own, the queue-depth metric. */
  noteIntakeBacklog(rows: number): void {
    this.intakeBacklog = rows;
    writerQueueItems.set(this.queuedItems + rows);
  }

  get maxQueuedItems(): number {
    return this.options.maxQueuedItems;
  }

  get sharedLanes(): number {
    return this.options.sharedLanes ?? 1;
  }

  /**
   * True for this writer's refusal. Lets a caller below the commit step (the webhook attempt recorder, which the
   * step itself imports) wait and retry without importing this module.
   */
  isRefusal(error: unknown): error is OverloadedError {
    return isOverloaded(error);
  }

  /** Runs `job` alone, after everything queued before it; refuses at once when the backlog is full. */
  run<T>(items: number, job: () => Promise<T>): Promise<T> {
    if (this.queuedItems > 0 && this.queuedItems + items > this.options.maxQueuedItems) {
      const seconds = Math.ceil(this.queuedItems / Math.max(this.rate, 1));
      return Promise.reject(new OverloadedError(Math.min(Math.max(seconds, 1), 30)));
    }
    return this.enqueue(true, items, job);
  }

  /** Runs an intake write, possibly beside another one (never beside an exclusive job). */
  runShared<T>(job: () => Promise<T>): Promise<T> {
    return this.enqueue(false, 0, job);
  }

  private enqueue<T>(exclusive: boolean, items: number, job: () => Promise<T>): Promise<T> {
    this.queuedItems += items;
    writerQueueItems.set(this.queuedItems + this.intakeBacklog);
    const queuedAt = performance.now();
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.queuedItems -= items;
        writerQueueItems.set(this.queuedItems + this.intakeBacklog);
        const began = performance.now();
        writerWaitSeconds.observe({ lane: exclusive ? 'exclusive' : 'shared' }, (began - queuedAt) / 1000);
        job()
          .then(resolve, reject)
          .finally(() => {
            const seconds = (performance.now() - began) / 1000;
            if (items > 0 && seconds > 0) this.rate = 0.8 * this.rate + 0.2 * (items / seconds);
            if (exclusive) this.runningExclusive = false;
            else this.runningShared -= 1;
            this.pump();
          });
      };
      this.tasks.push({ exclusive, items, start });
      this.pump();
    });
  }

  private pump(): void {
    for (;;) {
      const head = this.tasks[0];
      if (!head || this.runningExclusive) return;
      if (head.exclusive) {
        if (this.runningShared > 0) return;
        this.runningExclusive = true;
      } else {
        if (this.runningShared >= (this.options.sharedLanes ?? 1)) return;
        this.runningShared += 1;
      }
      this.tasks.shift();
      head.start();
    }
  }
}
