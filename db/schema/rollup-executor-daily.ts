import { date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Quality of execution per Moscow day × executor × municipality × block: resolutions (on time or not), reopens
 * counted against the executor that resolved, rejections. Reopen and on-time rates per executor or municipality
 * are sums over a few days of this table. Written by the transition path, rebuilt from complaint_events.
 */
export const rollupExecutorDaily = pgTable(
  'rollup_executor_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    executorCode: text('executor_code').notNull(),
    /** '' when the complaint has no municipality. */
    municipalityOktmo: text('municipality_oktmo').notNull(),
    blockCode: text('block_code').notNull(),
    resolved: integer('resolved').notNull().default(0),
    /** Resolved by the due time. */
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
    /** Resolved after 3× the deadline. */
    resolvedVeryLate: integer('resolved_very_late').notNull().default(0),
    /** Reopened after this executor's resolution (counted on the day of the reopen). */
    reopened: integer('reopened').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.executorCode, t.municipalityOktmo, t.blockCode] }),
    // A block panel sums its block's last 30 days.
    index('rollup_executor_daily_block_day_idx').on(t.blockCode, t.day),
  ],
);
