import type { Tx } from '../../db/client';
import type { AppContext } from '../context';
import { applyRollupDelta } from '../rollups/apply-rollup-delta';
import { RollupDelta } from '../rollups/rollup-delta';
import { enqueueDeliveries, type AnswerEvent } from '../webhooks/enqueue-deliveries';
import { isEmptyChange, type CommittedChange } from './change-bus';
import { appendToFeed } from './append-to-feed';
import { commitRetries, commitSeconds } from '../metrics/registry';

/** What a write body fills in besides its own rows; the commit step writes and announces it. */
export interface CommitUnit {
  /** The moment of the change: the rollups' buckets and the answers' queue time. */
  readonly now: Date;
  /** Rollup counts the body changed; applied after the body, once its rows are written. */
  readonly delta: RollupDelta;
  /** Answers to the source channels, carrying the stored event ids; queued in the same transaction. */
  readonly answers: AnswerEvent[];
  /** What the wall hears, published only once the transaction committed. */
  readonly change: CommittedChange;
  /**
   * Writes to hot rows the body leaves to the end (problems a batch joins): they run after the body, in the
   * order pushed, just before the rollups. Every row lock lasts to the commit, so the rows every writer touches
   * are taken last: a concurrent writer (another lane, another node) waits only for this transaction's tail.
   */
  readonly late: ((tx: Tx) => Promise<void>)[];
}

export type CommitBody<T> = (tx: Tx, unit: CommitUnit) => Promise<T>;

/** Writers that lock complaint rows run alone; `items` counts toward the writer's backpressure. */
interface ExclusiveLane {
  lane: 'exclusive';
  items: number;
}

/** Intake's group commit, which bounds its own backlog and may overlap another intake write. */
interface SharedLane {
  lane: 'shared';
  /**
   * Runs in the writer slot before the transaction opens, for what must not share it (partition DDL) and to
   * take the work that piled up while the slot was awaited. `false`: nothing to write, no transaction.
   */
  prepare?: (now: Date) => Promise<boolean>;
}

export type CommitOptions = (ExclusiveLane | SharedLane) & {
  /** Defaults to the clock read when the writer slot starts. */
  now?: Date;
  /** Runs in the transaction right after the rollups are applied (pruning rows the delta emptied). */
  afterRollups?: (tx: Tx) => Promise<void>;
  /**
   * Leader-only work (the SLA clock): the transaction first checks the fencing term, so a node that lost the
   * leadership while this was queued cannot commit it.
   */
  asLeader?: boolean;
};

/** Deadlock and serialization failure: PostgreSQL rolled the transaction back whole; it may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 4;

function retryableCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return code;
  }
  return null;
}

/**
 * The one commit step of every write: a writer slot, one transaction holding the body's rows, its rollup delta
 * and its queued answers, then the change published on `ctx.changes` after the commit. A body that throws
 * rolls everything back and nothing is published. Resolves to the body's value (undefined when `prepare`
 * found nothing to write).
 */
export function commitChange<T>(
  ctx: AppContext,
  options: CommitOptions & SharedLane & { prepare: NonNullable<SharedLane['prepare']> },
  body: CommitBody<T>,
): Promise<T | undefined>;
export function commitChange<T>(ctx: AppContext, options: CommitOptions, body: CommitBody<T>): Promise<T>;
export function commitChange<T>(
  ctx: AppContext,
  options: CommitOptions,
  body: CommitBody<T>,
): Promise<T | undefined> {
  const job = async (): Promise<T | undefined> => {
    const now = options.now ?? ctx.now();
    if (options.lane === 'shared' && options.prepare && !(await options.prepare(now))) return undefined;
    for (let attempt = 1; ; attempt++) {
      // A fresh unit per attempt: a rolled-back try leaves nothing behind in it.
      const unit: CommitUnit = {
        now,
        delta: new RollupDelta(now),
        answers: [],
        change: { created: [], transitions: [], slaMoved: 0 },
        late: [],
      };
      const began = performance.now();
      try {
        const value = await ctx.db.transaction(async (tx) => {
          if (options.asLeader) await ctx.leader.check(tx);
          const result = await body(tx, unit);
          for (const write of unit.late) await write(tx);
          await applyRollupDelta(tx, unit.delta);
          if (options.afterRollups) await options.afterRollups(tx);
          await enqueueDeliveries(tx, unit.answers, now);
          // Last, so the feed head's lock is held only from here to the commit.
          if (!isEmptyChange(unit.change)) await appendToFeed(tx, ctx.nodeId, unit.change);
          return result;
        });
        commitSeconds.observe({ lane: options.lane }, (performance.now() - began) / 1000);
        ctx.changes.publish(unit.change);
        return value;
      } catch (error) {
        const code = retryableCode(error);
        if (!code || attempt >= MAX_ATTEMPTS) throw error;
        commitRetries.inc({ code });
        ctx.log.warn({ code, attempt }, 'transaction rolled back by the database; running it again');
      }
    }
  };
  return options.lane === 'exclusive' ? ctx.writer.run(options.items, job) : ctx.writer.runShared(job);
}
