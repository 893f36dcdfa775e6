import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from './sources';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * Keys of systems that post requests (Open311 `api_key`): each key speaks for one source channel. Only the
 * SHA-256 of a key is stored; the key itself is shown once when it is issued (scripts/issue-api-key.ts).
 */
export const apiKeys = pgTable('api_keys', {
  keyHash: text('key_hash').primaryKey(),
  sourceCode: text('source_code')
    .notNull()
    .references(() => sources.code),
  label: text('label').notNull(),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', tz),
});

export type ApiKey = typeof apiKeys.$inferSelect;
