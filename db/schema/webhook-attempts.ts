import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

/** Every HTTP attempt of a delivery, for the delivery log: when, what came back, how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint('delivery_id', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', tz).notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    // A delivery's attempts are listed together.
    index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt),
  ],
);

export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
