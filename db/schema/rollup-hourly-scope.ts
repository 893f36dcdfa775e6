import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Complaints received per hour × municipality × block: the wall's "today" and territory trends read this. */
export const rollupHourlyScope = pgTable(
  'rollup_hourly_scope',
  {
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.municipalityOktmo, t.blockCode] }),
    // Block panels read one block over a time range.
    index('rollup_hourly_scope_block_idx').on(t.blockCode, t.bucket),
  ],
);
