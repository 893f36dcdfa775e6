import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * One problem on the ground (a water outage, a pothole) that one or many complaints report: complaints of one
 * category close in place and time (radius and window per category) join the same problem on intake.
 */
export const problems = pgTable(
  'problems',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    categoryCode: text('category_code').notNull(),
    blockCode: text('block_code').notNull(),
    municipalityOktmo: text('municipality_oktmo'),
    /** Where the first located complaint was; complaints join within the category's radius of it. */
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** Resolution-6 cell of (lat, lon): the join looks only at this cell and its neighbours. */
    h3Coarse: text('h3_coarse'),
    firstAt: timestamp('first_at', tz).notNull(),
    lastAt: timestamp('last_at', tz).notNull(),
    complaints: integer('complaints').notNull(),
    /** Complaints of the problem still waiting for the executor: the problem is open while > 0. */
    openComplaints: integer('open_complaints').notNull(),
  },
  (t) => [
    // Intake's duplicate search: same category, nearby cells, recently active.
    index('problems_join_idx').on(t.categoryCode, t.h3Coarse, t.lastAt),
    // Panels count a block's new problems per day.
    index('problems_block_first_idx').on(t.blockCode, t.firstAt),
    // Panels count a block's open problems.
    index('problems_block_open_idx')
      .on(t.blockCode)
      .where(sql`open_complaints > 0`),
  ],
);

export type Problem = typeof problems.$inferSelect;
