import type { AppContext } from '../context';
import { writeComplaints, type ComplaintRow, type WriteOutcome } from './write-complaints';

/** Rows merged into one transaction at most: bigger ones hold the writer too long for the wall's latency. */
const MAX_ROWS_PER_TRANSACTION = 8000;

interface Waiting {
  rows: ComplaintRow[];
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for intake: requests that queue up behind a running write are stored together in the next
 * transaction (fewer commits, each rollup row written once), and each caller still hears only after the
 * commit that holds its rows.
 */
class IntakeBatcher {
  private waiting: Waiting[] = [];

  constructor(private readonly ctx: AppContext) {}

  submit(rows: ComplaintRow[]): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      const entry: Waiting = { rows, resolve, reject };
      // The queue refuses at once when its backlog is full; nothing was added then.
      this.ctx.writer
        .run(rows.length, () => this.drain())
        .catch((error: unknown) => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) {
            this.waiting.splice(i, 1);
            reject(error);
          }
        });
      this.waiting.push(entry);
    });
  }

  /** Runs as a writer job: stores whatever is waiting (this job's rows may already be stored by an earlier one). */
  private async drain(): Promise<void> {
    const taken: Waiting[] = [];
    let size = 0;
    while (
      this.waiting.length > 0 &&
      (taken.length === 0 || size + this.waiting[0]!.rows.length <= MAX_ROWS_PER_TRANSACTION)
    ) {
      const next = this.waiting.shift()!;
      taken.push(next);
      size += next.rows.length;
    }
    if (taken.length === 0) return;
    try {
      const outcome = await writeComplaints(
        this.ctx.db,
        taken.flatMap((w) => w.rows),
        this.ctx.now(),
      );
      for (const w of taken) w.resolve(outcome);
    } catch (error) {
      for (const w of taken) w.reject(error);
    }
  }
}

const batchers = new WeakMap<AppContext, IntakeBatcher>();

export function submitForWrite(ctx: AppContext, rows: ComplaintRow[]): Promise<WriteOutcome> {
  let batcher = batchers.get(ctx);
  if (!batcher) batchers.set(ctx, (batcher = new IntakeBatcher(ctx)));
  return batcher.submit(rows);
}
