import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** The open backlog of each wall scope by punctuality (scope rows as in rollup_hourly_scope): one row per scope. */
export const rollupOpen = pgTable(
  'rollup_open',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    onTime: integer('on_time').notNull(),
    late: integer('late').notNull(),
    veryLate: integer('very_late').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityOktmo, t.blockCode] })],
);
