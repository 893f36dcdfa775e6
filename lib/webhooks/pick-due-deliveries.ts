import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { DueDelivery } from './send-delivery';

interface Row {
  id: number | bigint;
  source_code: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
  max_attempts: number;
}

/**
 * Pending deliveries due by `now`, oldest first, at most `perSource` from each source with an enabled webhook:
 * a receiver with a long queue cannot take every slot from the others. `busyIds` are being sent right now.
 * Deliveries of a disabled webhook wait, pending, until it is enabled again.
 */
export async function pickDueDeliveries(
  db: Db,
  options: { now: Date; busyIds: number[]; perSource: number; limit: number },
): Promise<DueDelivery[]> {
  const result = await db.execute(sql`
    select d.id, d.source_code, d.event, d.payload, d.attempts, w.url, w.secret, w.max_attempts
    from source_webhooks w
    cross join lateral (
      select id, source_code, event, payload, attempts, next_attempt_at
      from webhook_deliveries
      where source_code = w.source_code and status = 'pending'
        and next_attempt_at <= ${options.now.toISOString()}::timestamptz
        and id <> all(${pgArray(options.busyIds)}::bigint[])
      order by next_attempt_at, id
      limit ${options.perSource}
    ) d
    where w.enabled
    order by d.next_attempt_at, d.id
    limit ${options.limit}`);
  return rowsOf<Row>(result).map((r) => ({
    id: Number(r.id),
    sourceCode: r.source_code,
    event: r.event,
    payload: r.payload,
    attempts: Number(r.attempts),
    url: r.url,
    secret: r.secret,
    maxAttempts: Number(r.max_attempts),
  }));
}
