/** Too many PDFs asked for at once: come back after `retryAfterSeconds` (the route answers 503). */
export class PdfBusyError extends Error {
  override readonly name = 'PdfBusyError';
  constructor(readonly retryAfterSeconds: number) {
    super(`the server is rendering other briefing PDFs; try again in ${retryAfterSeconds} s`);
  }
}

export interface PdfGateOptions {
  /** Renders waiting behind the one running before new ones are refused. Default 2. */
  maxWaiting?: number;
  /** How long the PDF of a week still under way is served from memory. Default 5 minutes. */
  openWeekTtlMs?: number;
  /** Weeks kept (least recently used goes first): a PDF is a few megabytes. Default 16. */
  maxCached?: number;
  now?: () => number;
}

export interface PdfGate<T> {
  /**
   * The cached result for `key`, the render already under way for it, or a new render queued behind the
   * running one. `complete`: the week is over, so its PDF never changes and is kept as long as the process.
   */
  run(key: string, complete: boolean, render: () => Promise<T>): Promise<T>;
}

/** A first guess of one render's length, until one has been measured. */
const FIRST_GUESS_MS = 15_000;

/**
 * One Chromium at a time (a render takes a core for seconds on the wall's server), a short queue behind it and
 * a refusal past that, and a memory cache per key, so a dozen people downloading Monday's briefing cost one
 * render, and a flood of requests cannot pile up browsers or an endless queue.
 */
export function createPdfGate<T>(options: PdfGateOptions = {}): PdfGate<T> {
  const maxWaiting = options.maxWaiting ?? 2;
  const openWeekTtlMs = options.openWeekTtlMs ?? 5 * 60_000;
  const maxCached = options.maxCached ?? 16;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { value: T; expiresAt: number }>();
  const underway = new Map<string, Promise<T>>();
  let tail: Promise<unknown> = Promise.resolve();
  let queued = 0;
  let lastRenderMs = FIRST_GUESS_MS;

  function remember(key: string, value: T, complete: boolean): void {
    cache.delete(key);
    cache.set(key, { value, expiresAt: complete ? Infinity : now() + openWeekTtlMs });
    while (cache.size > maxCached) cache.delete(cache.keys().next().value!);
  }

  return {
    run(key, complete, render) {
      const hit = cache.get(key);
      if (hit && hit.expiresAt > now()) {
        // Re-inserted: the Map's order is the eviction order.
        cache.delete(key);
        cache.set(key, hit);
        return Promise.resolve(hit.value);
      }
      const same = underway.get(key);
      if (same) return same;
      if (queued >= 1 + maxWaiting) {
        const seconds = Math.max(1, Math.ceil((lastRenderMs * queued) / 1000));
        return Promise.reject(new PdfBusyError(seconds));
      }
      queued += 1;
      const job = tail.then(async () => {
        const began = now();
        const value = await render();
        lastRenderMs = Math.max(now() - began, 1);
        remember(key, value, complete);
        return value;
      });
      const settled = job.finally(() => {
        queued -= 1;
        underway.delete(key);
      });
      underway.set(key, settled);
      tail = settled.catch(() => undefined);
      return settled;
    },
  };
}
