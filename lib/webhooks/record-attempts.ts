import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { NextState } from './retry-policy';

export interface AttemptRecord extends NextState {
  deliveryId: number;
  /** When the attempt started and when its answer came (the app clock). */
  at: Date;
  finishedAt: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Logs HTTP attempts and moves their deliveries on, in one transaction of two statements however many there
 * are: under load the dispatcher hands over everything that finished while the writer was busy. Attempts are
 * numbered over a delivery's whole life, so the log stays in order across manual retries (which restart the
 * delivery's own attempt count). A delivery no longer pending (its webhook was removed meanwhile) keeps its
 * state, but the attempt is still logged: it did reach the network.
 */
export async function recordAttempts(db: Db, records: AttemptRecord[]): Promise<void> {
  if (records.length === 0) return;
  const ids = pgArray(records.map((r) => r.deliveryId));
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update webhook_deliveries d set
        status = v.status,
        attempts = d.attempts + 1,
        next_attempt_at = coalesce(v.next_attempt_at, d.next_attempt_at),
        last_status_code = v.status_code,
        last_error = v.error,
        delivered_at = case when v.status = 'delivered' then v.finished_at end
      from unnest(
        ${ids}::bigint[],
        ${pgArray(records.map((r) => r.status))}::text[],
        ${pgArray(records.map((r) => iso(r.nextAttemptAt)))}::timestamptz[],
        ${pgArray(records.map((r) => r.statusCode))}::int[],
        ${pgArray(records.map((r) => r.error))}::text[],
        ${pgArray(records.map((r) => iso(r.finishedAt)))}::timestamptz[]
      ) as v(id, status, next_attempt_at, status_code, error, finished_at)
      where d.id = v.id and d.status = 'pending'`);
    await tx.execute(sql`
      insert into webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)
      select v.id,
        coalesce((select max(a.attempt) from webhook_attempts a where a.delivery_id = v.id), 0) + 1,
        v.at, v.status_code, v.error, v.duration_ms
      from unnest(
        ${ids}::bigint[],
        ${pgArray(records.map((r) => iso(r.at)))}::timestamptz[],
        ${pgArray(records.map((r) => r.statusCode))}::int[],
        ${pgArray(records.map((r) => r.error))}::text[],
        ${pgArray(records.map((r) => r.durationMs))}::int[]
      ) as v(id, at, status_code, error, duration_ms)`);
  });
}
