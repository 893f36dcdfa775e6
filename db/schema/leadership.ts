import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The fencing record of the elected leader (lib/cluster/leadership.ts). The advisory lock decides who leads;
 * `term` grows by one at every election, and each leader-only transaction first checks (FOR SHARE) that the
 * term is still its own: a deposed leader that wakes up late cannot write as leader.
 */
export const leadership = pgTable('leadership', {
  name: text('name').primaryKey(),
  term: bigint('term', { mode: 'number' }).notNull(),
  node: text('node'),
  since: timestamp('since', { withTimezone: true, mode: 'date' }),
  /**
   * The leader's lease, renewed every second from its lock session: a leader that stops renewing (a hung
   * process keeps its session, and the lock with it) has that session ended by a follower.
   */
  renewedAt: timestamp('renewed_at', { withTimezone: true, mode: 'date' }),
});
