import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createSelectSchema } from 'drizzle-zod';

/** Channels a complaint arrives from; the answer goes back to the same one. */
export const sources = pgTable('sources', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const sourceSchema = createSelectSchema(sources);
export type Source = typeof sources.$inferSelect;
