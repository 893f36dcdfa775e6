import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';

export const EXECUTOR_KINDS = ['ministry', 'agency', 'municipal', 'utility'] as const;

/**
 * Responsible bodies a complaint is routed to (seeded from db/seed/executors.ts on every start). A code is
 * never renamed or deleted once complaints reference it; a body that stops answering keeps its row.
 */
export const executors = pgTable(
  'executors',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: EXECUTOR_KINDS }).notNull(),
    /** Blocks it usually answers for; empty for municipal administrations (they take all). */
    blocks: text('blocks')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Municipal administrations only. */
    municipalityOktmo: text('municipality_oktmo'),
  },
  (t) => [
    // The drill-down into a municipality lists its own administration.
    index('executors_municipality_idx').on(t.municipalityOktmo),
    check('executors_kind_check', sql`${t.kind} in ('ministry', 'agency', 'municipal', 'utility')`),
  ],
);

export type ExecutorRow = typeof executors.$inferSelect;
