import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createSelectSchema } from 'drizzle-zod';
import { COMPLAINT_STATUSES } from '../../lib/lifecycle/statuses';

const tz = { withTimezone: true, mode: 'date' } as const;

/** Append-only history: every intake and every status change of a complaint. Never updated or deleted. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // No foreign key: complaints is partitioned (its key includes received_at); the write path guarantees it.
    complaintId: bigint('complaint_id', { mode: 'number' }).notNull(),
    type: text('type', { enum: ['created', 'status'] }).notNull(),
    fromStatus: text('from_status', { enum: COMPLAINT_STATUSES }),
    toStatus: text('to_status', { enum: COMPLAINT_STATUSES }).notNull(),
    /** When it happened (may be earlier than recordedAt for replayed history). */
    at: timestamp('at', tz).notNull(),
    actor: text('actor'),
    comment: text('comment'),
    recordedAt: timestamp('recorded_at', tz).notNull().defaultNow(),
  },
  (t) => [
    // A complaint's history is read in order.
    index('complaint_events_complaint_at_idx').on(t.complaintId, t.at),
  ],
);

export const complaintEventSchema = createSelectSchema(complaintEvents);
export type ComplaintEvent = typeof complaintEvents.$inferSelect;
