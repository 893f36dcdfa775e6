/**
 * An operator's desk at full tilt: takes complaints as they are acknowledged and moves each from `routed` to
 * `in_progress` through the balancer (POST /api/v1/complaints/{id}/events with expectedStatus), one request a
 * move. A move is an answer the source hears of, so each queues one webhook delivery. A failed request is sent
 * again; expectedStatus makes the retry of a move that was committed answer 409 instead of moving twice, and
 * the complaint then counts as moved (the database says so at the end).
 */

export interface MoverReport {
  /** Complaints whose move was answered 201. */
  moved: Set<number>;
  /** Answered 409 after a retry: moved by an earlier attempt whose answer was lost. */
  conflicts: Set<number>;
  retries: Map<string, number>;
  failures: string[];
}

export interface MoverOptions {
  url: string;
  token: string;
  /** Complaint ids to move, in order; the mover takes from it as it grows. */
  queue: () => number[];
  lanes: number;
  intervalMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function startMover(options: MoverOptions): { stop(): Promise<MoverReport> } {
  const report: MoverReport = { moved: new Set(), conflicts: new Set(), retries: new Map(), failures: [] };
  let stopping = false;
  let next = 0;
  const retried = (why: string) => report.retries.set(why, (report.retries.get(why) ?? 0) + 1);

  async function move(id: number): Promise<void> {
    const body = JSON.stringify({ status: 'in_progress', expectedStatus: 'routed', comment: 'в работе' });
    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        const res = await fetch(`${options.url}/api/v1/complaints/${id}/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        if (res.status === 201) return void report.moved.add(id);
        if (res.status === 409 && attempts > 1) return void report.conflicts.add(id);
        if (res.status < 500 && res.status !== 429) {
          report.failures.push(`${id}: HTTP ${res.status} ${text.slice(0, 200)}`);
          return;
        }
        retried(`HTTP ${res.status}`);
      } catch (error) {
        retried((error as Error).name === 'TimeoutError' ? 'timeout' : (error as Error).message);
      }
      if (attempts >= 40) return void report.failures.push(`${id}: gave up after ${attempts} attempts`);
      await sleep(250);
    }
  }

  async function lane(): Promise<void> {
    while (!stopping) {
      const began = Date.now();
      const id = options.queue()[next];
      if (id === undefined) {
        await sleep(options.intervalMs);
        continue;
      }
      next++;
      await move(id);
      await sleep(Math.max(0, options.intervalMs - (Date.now() - began)));
    }
  }
  const lanes = Array.from({ length: options.lanes }, lane);
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(lanes);
      return report;
    },
  };
}
