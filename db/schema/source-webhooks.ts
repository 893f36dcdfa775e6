import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from './sources';

const tz = { withTimezone: true, mode: 'date' } as const;

/** Where answers go back to: one outbound webhook per source channel (the answer returns where it came from). */
export const sourceWebhooks = pgTable('source_webhooks', {
  sourceCode: text('source_code')
    .primaryKey()
    .references(() => sources.code),
  url: text('url').notNull(),
  /** HMAC-SHA256 key for the signature header; never returned by the API. */
  secret: text('secret').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: integer('max_attempts').notNull().default(8),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

export type SourceWebhook = typeof sourceWebhooks.$inferSelect;
