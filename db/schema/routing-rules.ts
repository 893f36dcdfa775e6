import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Routing rules as data: category × municipality → executor, ordered by `position`, first match wins (see
 * lib/routing/route-complaint.ts). Seeded from db/seed/routing-rules.ts; intake reads them from here.
 */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: text('id').primaryKey(),
    position: integer('position').notNull(),
    /** Any of these categories; null with a null block is the wildcard. */
    categories: text('categories').array(),
    blockCode: text('block_code'),
    /** OKTMO codes narrowing the rule; null for every municipality. */
    municipalities: text('municipalities').array(),
    /** An executor code, or `municipal` for the complaint's municipal administration. */
    target: text('target').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    // First match wins, so two rules may never share a place in the order.
    uniqueIndex('routing_rules_position_idx').on(t.position),
    check('routing_rules_match_check', sql`${t.categories} is null or ${t.blockCode} is null`),
  ],
);

export type RoutingRuleRow = typeof routingRules.$inferSelect;
