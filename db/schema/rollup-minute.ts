import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Complaints received and resolved per wall scope per minute (scope rows as in rollup_hourly_scope), kept 8 days
 * so "the same time a week ago" is exact to the minute.
 */
export const rollupMinute = pgTable(
  'rollup_minute',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    n: integer('n').notNull(),
    /** Transitions to resolved in the minute. */
    resolved: integer('resolved').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.municipalityOktmo, t.blockCode, t.bucket] })],
);
