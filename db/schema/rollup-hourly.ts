import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * Complaints received per hour × municipality × block × category × source × status class, kept exact in the
 * write transaction. An unknown dimension is '' (primary key columns cannot be null).
 */
export const rollupHourly = pgTable(
  'rollup_hourly',
  {
    bucket: timestamp('bucket', tz).notNull(),
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    categoryCode: text('category_code').notNull(),
    sourceCode: text('source_code').notNull(),
    statusClass: text('status_class', { enum: ['open', 'resolved', 'closed'] }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.bucket, t.municipalityOktmo, t.blockCode, t.categoryCode, t.sourceCode, t.statusClass],
    }),
  ],
);
