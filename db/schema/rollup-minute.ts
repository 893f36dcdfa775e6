import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Complaints received per minute × municipality × block, for "the last hour"; pruned after two days. */
export const rollupMinute = pgTable(
  'rollup_minute',
  {
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.municipalityOktmo, t.blockCode] })],
);
