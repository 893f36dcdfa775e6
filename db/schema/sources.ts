import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Channels a complaint arrives from; the answer goes back to the same one. */
export const sources = pgTable('sources', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export type Source = typeof sources.$inferSelect;
