import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Complaints received per wall scope per minute (scope rows as in rollup_hourly_scope); pruned after 48 h. */
export const rollupMinute = pgTable(
  'rollup_minute',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityOktmo, t.blockCode, t.bucket] })],
);
