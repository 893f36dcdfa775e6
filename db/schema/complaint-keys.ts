import { bigint, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The idempotency key of intake: one row per (source, externalId). Kept apart from the partitioned complaints
 * table, whose unique indexes would have to include received_at.
 */
export const complaintKeys = pgTable(
  'complaint_keys',
  {
    sourceCode: text('source_code').notNull(),
    externalId: text('external_id').notNull(),
    complaintId: bigint('complaint_id', { mode: 'number' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceCode, t.externalId] })],
);
