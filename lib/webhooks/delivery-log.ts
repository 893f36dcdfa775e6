import type { Db } from '../../db/client';
import { listDeliveries } from './list-deliveries';
import { listDeliveryAttempts } from './list-delivery-attempts';
import type { DeliveryLogQuery } from './webhook-input';

export interface DeliveryLogEntry {
  id: number;
  event: string;
  complaintId: number;
  eventId: number;
  status: 'pending' | 'delivered' | 'failed';
  /** Attempts in the current round (a manual retry starts a new one); `attempts` lists them all. */
  attemptCount: number;
  /** When the next attempt is due; null unless pending. */
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /** The body as sent (fixed at queue time). */
  payload: unknown;
  attempts: {
    attempt: number;
    at: Date;
    statusCode: number | null;
    error: string | null;
    durationMs: number;
  }[];
}

export interface DeliveryLog {
  source: string;
  deliveries: DeliveryLogEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** A page of a source's delivery log, each delivery with its attempts. */
export async function getDeliveryLog(
  db: Db,
  sourceCode: string,
  query: DeliveryLogQuery,
): Promise<DeliveryLog> {
  const rows = await listDeliveries(db, sourceCode, query);
  const attempts = await listDeliveryAttempts(
    db,
    rows.map((r) => r.id),
  );
  const byDelivery = new Map<number, DeliveryLogEntry['attempts']>();
  for (const a of attempts) {
    const list = byDelivery.get(a.deliveryId) ?? [];
    list.push({
      attempt: a.attempt,
      at: a.at,
      statusCode: a.statusCode,
      error: a.error,
      durationMs: a.durationMs,
    });
    byDelivery.set(a.deliveryId, list);
  }
  const deliveries = rows.map((r): DeliveryLogEntry => ({
    id: r.id,
    event: r.event,
    complaintId: r.complaintId,
    eventId: r.eventId,
    status: r.status,
    attemptCount: r.attempts,
    nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt : null,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    createdAt: r.createdAt,
    deliveredAt: r.deliveredAt,
    payload: JSON.parse(r.payload) as unknown,
    attempts: byDelivery.get(r.id) ?? [],
  }));
  const last = rows.at(-1);
  return { source: sourceCode, deliveries, nextBefore: rows.length === query.limit && last ? last.id : null };
}
