import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The federal view's flows per Moscow day × region × block: complaints received (by received_at), resolved and
 * resolved by their due time (by the time of the resolution). Every region counts here, the home region too.
 * Written in the intake and lifecycle transactions with the other rollups, rebuilt by rebuildRollups.
 */
export const rollupRegionDaily = pgTable(
  'rollup_region_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    /** '' when the complaint has no block. */
    blockCode: text('block_code').notNull(),
    received: integer('received').notNull().default(0),
    resolved: integer('resolved').notNull().default(0),
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.regionCode, t.blockCode] })],
);

/** The open backlog per region × block by punctuality, as rollup_open is for the home region's scopes. */
export const rollupRegionOpen = pgTable(
  'rollup_region_open',
  {
    regionCode: text('region_code').notNull(),
    blockCode: text('block_code').notNull(),
    onTime: integer('on_time').notNull().default(0),
    late: integer('late').notNull().default(0),
    veryLate: integer('very_late').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.blockCode] })],
);
