import { duplicateRulesOf } from '../reference/duplicate-rules';
import type { AppContext } from '../context';
import type { CreatedComplaint } from '../commit/change-bus';
import { commitChange } from '../commit/commit-change';
import { isOverloaded, OverloadedError } from '../commit/write-queue';
import { HOME_REGION } from '../domain/home-region';
import { ensurePartitionsFor } from '../partitions/ensure-partitions';
import { writeComplaints, type ComplaintRow, type WriteOutcome } from './write-complaints';
import { lazyExcerpt } from '../text/lazy-excerpt';
import { classifyDbError } from '../health/classify-db-error';

/** Rows merged into one transaction at most: bigger ones hold the writer too long for the wall's latency. */
const MAX_ROWS_PER_TRANSACTION = 8000;

interface Waiting {
  rows: ComplaintRow[];
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for intake: requests that arrive while a write runs wait together and are stored in the next
 * transaction (fewer commits, each rollup row written once); each caller hears only after the commit holding
 * its rows. At most one drain per writer lane is queued or running, and the rows waiting here are the backlog
 * that backpressure is measured on.
 */
class IntakeBatcher {
  private waiting: Waiting[] = [];
  private waitingRows = 0;
  /** Drains queued or running on the writer. */
  private drains = 0;
  private scheduled = false;
  /** Rows stored per second, smoothed, to tell a refused caller when to come back. */
  private rate = 5000;

  constructor(private readonly ctx: AppContext) {}

  submit(rows: ComplaintRow[]): Promise<WriteOutcome> {
    // Known down: fail now rather than queue behind writes that will fail too.
    if (!this.ctx.health.up) return Promise.reject(this.ctx.health.unavailable());
    const limit = this.ctx.writer.maxQueuedItems;
    if (this.waitingRows > 0 && this.waitingRows + rows.length > limit) {
      const seconds = Math.ceil(this.waitingRows / Math.max(this.rate, 1));
      return Promise.reject(new OverloadedError(Math.min(Math.max(seconds, 1), 30)));
    }
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.waitingRows += rows.length;
      this.ctx.writer.noteIntakeBacklog(this.waitingRows);
      this.scheduleSoon();
    });
  }

  private schedule(): void {
    while (this.waiting.length > 0 && this.drains < this.ctx.writer.sharedLanes) {
      this.drains += 1;
      void this.drain().finally(() => {
        this.drains -= 1;
        this.scheduleSoon();
      });
    }
  }

  /**
   * Drains start from the event loop, never straight from a caller or the previous drain: an embedded database
   * (PGlite) runs a transaction on this thread without letting I/O in, so a drain started at once would hold
   * every other connection unread (neither refused nor answered, and not joining this group commit) until it
   * ends, and chained drains until the backlog is gone. One tick lets everything already received go first.
   */
  private scheduleSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.schedule();
    });
  }

  /** One merged write: takes what waited until the writer slot started, so callers that queued meanwhile share it. */
  private async drain(): Promise<void> {
    let taken: Waiting[] = [];
    let size = 0;
    let began = 0;
    try {
      const outcome = await this.commit(() => {
        began = performance.now();
        [taken, size] = this.take();
        return taken;
      });
      if (!outcome) return;
      for (const w of taken) w.resolve(outcome);
      const seconds = (performance.now() - began) / 1000;
      if (seconds > 0) this.rate = 0.8 * this.rate + 0.2 * (size / seconds);
    } catch (error) {
      // Alone again would fail the same way when the database is gone or too slow, only later.
      if (taken.length <= 1 || isOverloaded(error) || classifyDbError(error) !== 'other') {
        for (const w of taken) w.reject(error);
        return;
      }
      // One caller's rows can fail the merged transaction (a value the database refuses); it rolled back
      // whole, so each caller is tried again in a transaction of its own and only the guilty one hears the
      // error. Idempotency on (source, externalId) makes the second try safe even if the first did commit.
      for (const w of taken) {
        try {
          w.resolve((await this.commit(() => [w]))!);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }

  /** Stores the rows of the callers `pick` chooses (when the writer slot starts) in one transaction. */
  private commit(pick: () => Waiting[]): Promise<WriteOutcome | undefined> {
    let group: Waiting[] = [];
    return commitChange(
      this.ctx,
      {
        lane: 'shared',
        prepare: async () => {
          group = pick();
          if (group.length === 0) return false;
          await ensurePartitionsFor(
            this.ctx.db,
            group.flatMap((w) => w.rows.map((r) => r.receivedAt)),
          );
          return true;
        },
      },
      async (tx, unit) => {
        const rows = group.flatMap((w) => w.rows);
        const written = await writeComplaints(tx, unit, rows, duplicateRulesOf(this.ctx.reference));
        unit.change.created.push(...announced(group, written));
        return written;
      },
    );
  }

  private take(): [Waiting[], number] {
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
    this.waitingRows -= size;
    this.ctx.writer.noteIntakeBacklog(this.waitingRows);
    return [taken, size];
  }
}

/**
 * The home region's new complaints, caller by caller in arrival order, each caller's in store order: the wall
 * sees what it saw when every caller announced its own rows. The federal view reads its rollups instead.
 */
function announced(taken: Waiting[], written: WriteOutcome): CreatedComplaint[] {
  const callerOf = new Map(taken.flatMap((w, i) => w.rows.map((row) => [row, i] as const)));
  const byCaller = taken.map((): CreatedComplaint[] => []);
  for (const { row, id } of written.created) {
    if (row.regionCode !== HOME_REGION) continue;
    byCaller[callerOf.get(row)!]!.push({
      id,
      receivedAt: row.receivedAt,
      excerpt: lazyExcerpt(row.text),
      blockCode: row.blockCode,
      categoryCode: row.categoryCode,
      municipalityOktmo: row.municipalityOktmo,
      lat: row.lat,
      lon: row.lon,
    });
  }
  return byCaller.flat();
}

const batchers = new WeakMap<AppContext, IntakeBatcher>();

export function submitForWrite(ctx: AppContext, rows: ComplaintRow[]): Promise<WriteOutcome> {
  let batcher = batchers.get(ctx);
  if (!batcher) batchers.set(ctx, (batcher = new IntakeBatcher(ctx)));
  return batcher.submit(rows);
}
