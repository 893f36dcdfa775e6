import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The open backlog per municipality × block × category × coarse H3 cell × SLA state: the open and overdue
 * counters and the wall's hexagons. Rows that drop to zero are pruned by the SLA clock.
 */
export const rollupOpen = pgTable(
  'rollup_open',
  {
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    categoryCode: text('category_code').notNull(),
    h3Coarse: text('h3_coarse').notNull(),
    slaState: text('sla_state', { enum: ['on_time', 'late', 'very_late'] }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityOktmo, t.blockCode, t.categoryCode, t.h3Coarse, t.slaState] }),
  ],
);
