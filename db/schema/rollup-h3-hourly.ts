import { integer, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** Complaints received per hour × H3 cell (resolutions 6 and 8) × block: heat maps over any period. */
export const rollupH3Hourly = pgTable(
  'rollup_h3_hourly',
  {
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    resolution: smallint('resolution').notNull(),
    h3: text('h3').notNull(),
    blockCode: text('block_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.resolution, t.h3, t.blockCode] })],
);
