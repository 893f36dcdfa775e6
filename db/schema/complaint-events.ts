import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { COMPLAINT_STATUSES } from '../../lib/domain/statuses';

const tz = { withTimezone: true, mode: 'date' } as const;

export const EVENT_TYPES = ['created', 'status', 'routed', 'classified'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Append-only history: every intake, status change, routing and classification of a complaint. A trigger
 * (migration 0003) refuses UPDATE and DELETE, so the history cannot be rewritten.
 */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // No foreign key: complaints is partitioned (its key includes received_at); the write path guarantees it.
    complaintId: bigint('complaint_id', { mode: 'number' }).notNull(),
    /** created · status (a lifecycle step) · routed (executor set or changed) · classified (by an operator). */
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    fromStatus: text('from_status', { enum: COMPLAINT_STATUSES }),
    toStatus: text('to_status', { enum: COMPLAINT_STATUSES }).notNull(),
    /** When it happened (may be earlier than recordedAt for replayed history). */
    at: timestamp('at', tz).notNull(),
    actor: text('actor'),
    comment: text('comment'),
    /** The executor after this event (who answers for a resolution, who lost a reopen). */
    executorCode: text('executor_code'),
    /** routed: the executor before a re-routing (null on the first routing). */
    fromExecutorCode: text('from_executor_code'),
    /** routed: the routing rule that chose the executor (null when an operator chose). */
    ruleId: text('rule_id'),
    /** rejected: why; classified: the category chosen. */
    reason: text('reason'),
    /** resolved: the answer to the resident. */
    answer: text('answer'),
    /** resolved: photo proof of the fix. */
    photoUrls: text('photo_urls').array(),
    recordedAt: timestamp('recorded_at', tz).notNull().defaultNow(),
  },
  (t) => [
    // A complaint's history is read in order.
    index('complaint_events_complaint_at_idx').on(t.complaintId, t.at),
    // Quality rollups are rebuilt from resolutions and reopens by time.
    index('complaint_events_quality_idx')
      .on(t.at)
      .where(sql`type = 'status' and to_status in ('resolved', 'reopened', 'rejected')`),
    // The briefing's «sent to a vote» slide reads a week of these.
    index('complaint_events_vote_idx')
      .on(t.at)
      .where(sql`type = 'status' and to_status = 'on_vote'`),
  ],
);

export type ComplaintEvent = typeof complaintEvents.$inferSelect;
