import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The sector blocks (профильные блоки): configuration data, seeded from db/seed/blocks.ts. */
export const blocks = pgTable('blocks', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export type Block = typeof blocks.$inferSelect;
