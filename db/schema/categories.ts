import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createSelectSchema } from 'drizzle-zod';
import { blocks } from './blocks';

export const categories = pgTable(
  'categories',
  {
    code: text('code').primaryKey(),
    blockCode: text('block_code')
      .notNull()
      .references(() => blocks.code),
    name: text('name').notNull(),
    /** Regulated deadline of the executor's answer. */
    deadlineHours: integer('deadline_hours').notNull(),
    kind: text('kind', { enum: ['operational', 'resource'] }).notNull(),
  },
  (t) => [
    // Reference listings and panel joins filter categories by block.
    index('categories_block_idx').on(t.blockCode),
    check('categories_kind_check', sql`${t.kind} in ('operational', 'resource')`),
    check('categories_deadline_check', sql`${t.deadlineHours} between 1 and 192`),
  ],
);

export const categorySchema = createSelectSchema(categories);
export type Category = typeof categories.$inferSelect;
