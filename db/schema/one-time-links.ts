import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { ONE_TIME_PURPOSES } from '../../lib/domain/access';

/** Links that work once: the first admin's set-up link, a ready display link, a password set-up link. */
export const oneTimeLinks = pgTable('one_time_links', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose', { enum: ONE_TIME_PURPOSES }).notNull(),
  /** What the link grants beyond its purpose (the display's screen, the user whose password it sets). */
  detail: jsonb('detail').$type<Record<string, string | number>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
});
