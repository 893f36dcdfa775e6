import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rowsOf } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { ComplaintStatus } from '../domain/statuses';
import { answerEventName, buildAnswerPayload, type AnswerEvent } from './answer-payload';

export type { AnswerEvent } from './answer-payload';

/** Changes the resident hears of; `new` is not one: the source already knows it sent the complaint. */
export const ANSWERED_STATUSES: readonly ComplaintStatus[] = [
  'routed',
  'in_progress',
  'resolved',
  'rejected',
  'on_vote',
  'closed',
  'reopened',
];

/**
 * Queues the answers in the caller's transaction (the outbox), one delivery per answer whose source has an
 * enabled webhook. Without any webhook this is one query on a table of a few rows; the webhook table is read
 * inside the transaction rather than cached so a webhook set a moment ago is never missed.
 * Replaying an event queues nothing new (unique on event and source). Returns the deliveries queued.
 */
export async function enqueueDeliveries(tx: Tx, answers: AnswerEvent[], now: Date): Promise<number> {
  const answered = answers.filter((a) => ANSWERED_STATUSES.includes(a.status));
  if (answered.length === 0) return 0;
  const enabled = rowsOf<{ source_code: string }>(
    await tx.execute(sql`select source_code from source_webhooks where enabled`),
  );
  if (enabled.length === 0) return 0;
  const withWebhook = new Set(enabled.map((r) => r.source_code));
  const queued = answered.filter((a) => withWebhook.has(a.sourceCode));
  if (queued.length === 0) return 0;
  // One statement for the whole batch; unnest over array literals is several times faster than a multi-row
  // VALUES list built by the query builder, which matters inside the writer's exclusive transaction.
  const at = now.toISOString();
  const inserted = await tx.execute(sql`
    insert into webhook_deliveries (source_code, complaint_id, event_id, event, payload, next_attempt_at, created_at)
    select a.source_code, a.complaint_id, a.event_id, a.event, a.payload, ${at}::timestamptz, ${at}::timestamptz
    from unnest(
      ${pgArray(queued.map((a) => a.sourceCode))}::text[],
      ${pgArray(queued.map((a) => a.complaintId))}::bigint[],
      ${pgArray(queued.map((a) => a.eventId))}::bigint[],
      ${pgArray(queued.map((a) => answerEventName(a.status)))}::text[],
      ${pgArray(queued.map((a) => JSON.stringify(buildAnswerPayload(a))))}::text[]
    ) as a(source_code, complaint_id, event_id, event, payload)
    on conflict (event_id, source_code) do nothing
    returning id`);
  return rowsOf(inserted).length;
}
