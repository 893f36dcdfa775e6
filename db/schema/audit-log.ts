import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who did what to the identities and the outside links: sign-ins and failures, roles and scopes, keys and
 * displays, webhooks, imports and exports. Append-only: a trigger (migration 0008) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** `user:3`, `display:2`, `source-key:7`, `system:cli`, `anonymous`. */
    actor: text('actor').notNull(),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    /** What it was done to: `user:5`, `display:2`, `source:dobrodel`, `webhook:hotline`. */
    target: text('target'),
    outcome: text('outcome', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    address: text('address'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  // The admin page reads newest first, optionally for one actor.
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_actor_idx').on(t.actor, t.at)],
);

export type AuditRow = typeof auditLog.$inferSelect;
