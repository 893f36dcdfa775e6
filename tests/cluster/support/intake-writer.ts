/**
 * An integration's intake as it should behave against a cluster: batches with stable externalIds, posted
 * through the balancer from several lanes at a steady pace; a batch that fails (transport error, 5xx, 429) is
 * sent again with the same ids until it is answered, so what the server committed before an answer was lost
 * comes back as `duplicate` with the stored id. Every item the server answered for is "acknowledged".
 */

export interface IntakeItem {
  source: string;
  externalId: string;
  receivedAt: string;
  text: string;
  lat: number;
  lon: number;
  category: string;
}

export interface WriterOptions {
  /** The balancer (or a node). */
  url: string;
  /** Source key (Bearer) of `source`. */
  key: string;
  source: string;
  /** externalIds are `${prefix}-${batch}-${item}`. */
  prefix: string;
  lanes: number;
  batchSize: number;
  /** Each lane starts a batch every intervalMs (or right after the previous one, when that took longer). */
  intervalMs: number;
  /** Item `i` of batch `b`; source and externalId are filled in. */
  item: (batch: number, i: number) => Omit<IntakeItem, 'source' | 'externalId'>;
  /** A batch still unanswered after this long is given up (and its ids reported as unacknowledged). */
  giveUpMs?: number;
  /** Stop by itself after this many batches (then `done` resolves). */
  maxBatches?: number;
}

export interface WriterReport {
  /** externalId → the id the server answered (created or duplicate). */
  acked: Map<string, number>;
  /** externalIds of batches never answered. */
  unacknowledged: string[];
  batches: number;
  /** Items answered `duplicate`: a retried batch the server had committed before its answer was lost. */
  duplicates: number;
  rejected: string[];
  /** Attempts that failed and were retried, by what they met (`HTTP 502`, `fetch failed`, …). */
  retries: Map<string, number>;
  /** Answer time (ms) of every answered attempt. */
  answerMs: number[];
}

export interface Writer {
  /** Stops starting batches; resolves once every lane's current batch is answered or given up. */
  stop(): Promise<WriterReport>;
  /** Resolves when the lanes end by themselves (maxBatches) or after stop(). */
  done: Promise<WriterReport>;
  report: WriterReport;
}

interface ItemResult {
  externalId: string;
  status: 'created' | 'duplicate' | 'rejected';
  id?: number;
  errors?: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startWriter(options: WriterOptions): Writer {
  const report: WriterReport = {
    acked: new Map(),
    unacknowledged: [],
    batches: 0,
    duplicates: 0,
    rejected: [],
    retries: new Map(),
    answerMs: [],
  };
  const giveUpMs = options.giveUpMs ?? 30_000;
  let stopping = false;
  let nextBatch = 0;
  const retried = (why: string) => report.retries.set(why, (report.retries.get(why) ?? 0) + 1);

  async function send(batch: number): Promise<void> {
    const items: IntakeItem[] = Array.from({ length: options.batchSize }, (_v, i) => ({
      source: options.source,
      externalId: `${options.prefix}-${batch}-${i}`,
      ...options.item(batch, i),
    }));
    const body = JSON.stringify({ complaints: items });
    const deadline = Date.now() + giveUpMs;
    for (;;) {
      const started = performance.now();
      let wait = 250;
      try {
        const res = await fetch(`${options.url}/api/v1/complaints`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        if (res.status === 200 || res.status === 207 || res.status === 422) {
          report.answerMs.push(performance.now() - started);
          report.batches++;
          for (const r of (JSON.parse(text) as { results: ItemResult[] }).results) {
            if (r.status === 'rejected') report.rejected.push(`${r.externalId}: ${JSON.stringify(r.errors)}`);
            else {
              if (r.status === 'duplicate') report.duplicates++;
              report.acked.set(r.externalId, r.id!);
            }
          }
          return;
        }
        retried(`HTTP ${res.status}`);
        const retryAfter = Number(res.headers.get('retry-after'));
        if (retryAfter > 0) wait = Math.min(2000, retryAfter * 1000);
      } catch (error) {
        retried((error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message);
      }
      if (Date.now() + wait > deadline) {
        report.unacknowledged.push(...items.map((i) => i.externalId));
        return;
      }
      await sleep(wait);
    }
  }

  async function lane(): Promise<void> {
    while (!stopping && nextBatch < (options.maxBatches ?? Infinity)) {
      const began = Date.now();
      await send(nextBatch++);
      await sleep(Math.max(0, options.intervalMs - (Date.now() - began)));
    }
  }
  const lanes = Array.from({ length: options.lanes }, (_v, k) =>
    // Staggered, so the lanes' batches interleave instead of arriving together.
    sleep((k * options.intervalMs) / options.lanes).then(lane),
  );
  const done = Promise.all(lanes).then(() => report);
  return {
    report,
    done,
    stop: () => {
      stopping = true;
      return done;
    },
  };
}
