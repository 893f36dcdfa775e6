import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/**
 * Outbox and delivery log of answers sent back to a source: queued in the same transaction as the status change
 * they report, so an answer is never lost nor sent for a change that was rolled back.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceCode: text('source_code').notNull(),
    complaintId: bigint('complaint_id', { mode: 'number' }).notNull(),
    /** The complaint_events row this answer reports. */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    /** e.g. `complaint.resolved`. */
    event: text('event').notNull(),
    /** The JSON body, fixed at queue time so every retry sends the same bytes. */
    payload: text('payload').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', tz).notNull(),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', tz),
  },
  (t) => [
    // The dispatcher picks due deliveries only.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    // The delivery log is read per source, newest first.
    index('webhook_deliveries_source_idx').on(t.sourceCode, t.id),
    // One answer per event and source, whatever retries the write path makes.
    uniqueIndex('webhook_deliveries_event_idx').on(t.eventId, t.sourceCode),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
