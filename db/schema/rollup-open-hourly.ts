import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The open backlog of every wall scope as it stood at the start of each hour (a copy of rollup_open taken by the
 * hourly job, reconstructed from the event history after a bulk load): "open a week ago" is one key read.
 */
export const rollupOpenHourly = pgTable(
  'rollup_open_hourly',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    bucket: timestamp('bucket', { withTimezone: true, mode: 'date' }).notNull(),
    onTime: integer('on_time').notNull(),
    late: integer('late').notNull(),
    veryLate: integer('very_late').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityOktmo, t.blockCode, t.bucket] })],
);
