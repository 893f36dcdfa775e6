import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Complaints received (and resolved) per wall scope per hour. A complaint counts in four scope rows (municipality × block,
 * municipality × '*', '*' × block, '*' × '*'), so a scope's "today" is at most 24 rows read by primary key.
 */
export const rollupHourlyScope = pgTable(
  'rollup_hourly_scope',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    n: integer('n').notNull(),
    /** Transitions to resolved in the hour (a flow: a complaint resolved twice counts twice). */
    resolved: integer('resolved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityOktmo, t.blockCode, t.bucket] }),
    // A block panel reads every municipality of one block over days (territories, tension).
    index('rollup_hourly_scope_block_idx').on(t.blockCode, t.bucket),
  ],
);
