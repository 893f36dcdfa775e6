import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Complaints received per block × category × hour. rollup_hourly has the same counts split by municipality and
 * source too (about one row per complaint); a block's top problems over two weeks read ~80 rows an hour here.
 */
export const rollupCategoryHourly = pgTable(
  'rollup_category_hourly',
  {
    blockCode: text('block_code').notNull(),
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    categoryCode: text('category_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.blockCode, t.bucket, t.categoryCode] })],
);
