import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { blocks } from './blocks';

export const categories = pgTable(
  'categories',
  {
    code: text('code').primaryKey(),
    blockCode: text('block_code')
      .notNull()
      .references(() => blocks.code),
    name: text('name').notNull(),
    /** Regulated deadline of the executor's answer in hours (the nominal length when counted in working days). */
    deadlineHours: integer('deadline_hours').notNull(),
    /** When set, the deadline is this many working days of the Russian production calendar instead. */
    deadlineWorkingDays: integer('deadline_working_days'),
    /** Complaints of this category within this distance of a problem join it… */
    duplicateRadiusM: integer('duplicate_radius_m').notNull().default(300),
    /** …when the problem had a complaint within this many hours. */
    duplicateWindowHours: integer('duplicate_window_hours').notNull().default(48),
    kind: text('kind', { enum: ['operational', 'resource'] }).notNull(),
  },
  (t) => [
    // Reference listings and panel joins filter categories by block.
    index('categories_block_idx').on(t.blockCode),
    check('categories_kind_check', sql`${t.kind} in ('operational', 'resource')`),
    check('categories_deadline_check', sql`${t.deadlineHours} between 1 and 192`),
    check(
      'categories_working_days_check',
      sql`${t.deadlineWorkingDays} is null or ${t.deadlineWorkingDays} between 1 and 30`,
    ),
  ],
);

export type Category = typeof categories.$inferSelect;
