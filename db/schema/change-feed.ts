import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What a committed change carried, compact: enough for another node's hubs to know what to recount and which
 * arrivals to put on the ticker. No resident text: a hub that shows an arrival reads and masks it itself.
 */
export interface FeedPayload {
  /** Home-region arrivals: [id, receivedAt ms, block, category, OKTMO, lat, lon]. */
  created: [number, number, string | null, string | null, string | null, number | null, number | null][];
  /** Status changes and hand-overs: [complaintId, block, from, to, at ms, executor from, executor to]. */
  transitions: [number, string | null, string, string, number, (string | null)?, string?][];
  slaMoved: number;
  /** Incidents changed (absent when none). */
  incidents?: number;
  /** The classifier version that went live (absent when none). */
  classifier?: number;
}

/**
 * Every committed change in commit order. `seq` is taken from `change_feed_head` at the very end of the
 * writing transaction, under that row's lock, so sequence order is commit order and a rolled-back writer
 * leaves no gap: a node that has read up to N and sees N+1 has missed nothing.
 */
export const changeFeed = pgTable(
  'change_feed',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    /** Wall-clock time of the append (clock_timestamp), for the feed-lag metric and pruning. */
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The node whose writer committed it: that node heard it in-process and skips it when tailing. */
    node: text('node').notNull(),
    payload: jsonb('payload').$type<FeedPayload>().notNull(),
  },
  // The leader prunes by age; tails read by seq (the primary key).
  (t) => [index('change_feed_committed_at_idx').on(t.committedAt)],
);

/** One row: the last sequence number handed out. Its row lock is what orders commits. */
export const changeFeedHead = pgTable('change_feed_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});
