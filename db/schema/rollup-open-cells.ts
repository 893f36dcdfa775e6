import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The open backlog of each wall scope per coarse H3 cell by punctuality: the wall's hexagons are one primary-key
 * range read. Rows that drop to zero are pruned by the SLA clock.
 */
export const rollupOpenCells = pgTable(
  'rollup_open_cells',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    h3Coarse: text('h3_coarse').notNull(),
    onTime: integer('on_time').notNull(),
    late: integer('late').notNull(),
    veryLate: integer('very_late').notNull(),
  },
  (t) => [primaryKey({ columns: [t.municipalityOktmo, t.blockCode, t.h3Coarse] })],
);
