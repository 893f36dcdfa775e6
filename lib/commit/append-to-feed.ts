import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { FeedPayload } from '../../db/schema/change-feed';
import type { CommittedChange } from './change-bus';

/** The channel a commit's NOTIFY wakes the other nodes' tails on; the read by seq is the truth. */
export const FEED_CHANNEL = 'cur_change_feed';

function toFeedPayload(change: CommittedChange): FeedPayload {
  return {
    created: change.created.map((c) => [
      c.id,
      c.receivedAt.getTime(),
      c.blockCode,
      c.categoryCode,
      c.municipalityOktmo,
      c.lat,
      c.lon,
    ]),
    transitions: change.transitions.map((t) => {
      const row: FeedPayload['transitions'][number] = [
        t.complaintId,
        t.blockCode,
        t.from,
        t.to,
        t.at.getTime(),
      ];
      if (t.executor) row.push(t.executor.from, t.executor.to);
      return row;
    }),
    slaMoved: change.slaMoved,
    ...(change.incidents ? { incidents: change.incidents } : {}),
    ...(change.classifier ? { classifier: change.classifier } : {}),
  };
}

/**
 * Appends the change as the transaction's last statement. The head row's lock is held to the commit, so the
 * next writer (on any node) gets the next number only after this one is visible: sequence order is commit
 * order, and a rollback gives its number back. The NOTIFY is delivered at commit, never for a rollback.
 */
export async function appendToFeed(tx: Tx, node: string, change: CommittedChange): Promise<void> {
  await tx.execute(sql`
    with head as (update change_feed_head set seq = seq + 1 where id = 1 returning seq),
    appended as (
      insert into change_feed (seq, committed_at, node, payload)
      select seq, clock_timestamp(), ${node}, ${JSON.stringify(toFeedPayload(change))}::jsonb from head
      returning seq)
    select pg_notify(${FEED_CHANNEL}, seq::text) from appended`);
}
