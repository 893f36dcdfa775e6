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
  /** Items (complaints, transitions) allowed to wait behind the running write. */
  maxQueuedItems: number;
}

/**
 * The single writer: write transactions run one at a time, so rollup rows never contend or deadlock, and
 * work waiting for its turn is bounded. Validation happens before a job is queued, so it overlaps the writes.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private queuedItems = 0;
  /** Items written per second, smoothed, to tell a refused caller when to come back. */
  private rate = 5000;

  constructor(private readonly options: WriteQueueOptions) {}

  get backlog(): number {
    return this.queuedItems;
  }

  get maxQueuedItems(): number {
    return this.options.maxQueuedItems;
  }

  /** Runs `job` after every job queued before it; refuses at once when the backlog is full. */
  run<T>(items: number, job: () => Promise<T>): Promise<T> {
    if (this.queuedItems > 0 && this.queuedItems + items > this.options.maxQueuedItems) {
      const seconds = Math.ceil(this.queuedItems / Math.max(this.rate, 1));
      return Promise.reject(new OverloadedError(Math.min(Math.max(seconds, 1), 30)));
    }
    this.queuedItems += items;
    const start = () => {
      this.queuedItems -= items;
      const began = performance.now();
      return job().finally(() => {
        const seconds = (performance.now() - began) / 1000;
        if (items > 0 && seconds > 0) this.rate = 0.8 * this.rate + 0.2 * (items / seconds);
      });
    };
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => {});
    return result;
  }
}
