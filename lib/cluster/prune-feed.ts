import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { describeError } from '../log/describe-error';

/** A node away longer than this recounts everything on return instead of replaying the feed. */
const KEEP_MS = 60 * 60_000;

/**
 * Drops change-feed rows past the horizon, once a minute, on the leader. Tails only ever read forward from
 * where they are, and a screen that changes node gets a snapshot, so an hour is plenty.
 */
export function startFeedPruner(ctx: AppContext, intervalMs = 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const prune = async () => {
    const before = new Date(ctx.now().getTime() - KEEP_MS).toISOString();
    await ctx.db.execute(sql`delete from change_feed where committed_at < ${before}::timestamptz`);
  };
  const timer = setInterval(() => {
    running = prune().catch((error: unknown) =>
      ctx.log.warn({ err: describeError(error) }, 'change feed pruning failed'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
