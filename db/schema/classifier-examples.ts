import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

export const EXAMPLE_ORIGINS = ['decision', 'import'] as const;
export type ExampleOrigin = (typeof EXAMPLE_ORIGINS)[number];

/**
 * A labelled text the classifier learns from: an operator's decision (written in the same commit as the
 * decision) or a row of a center's imported history. Append-only: a version is rebuilt from the rows up to
 * its `trained_from` id, so a row that changed later would change a past version.
 */
export const classifierExamples = pgTable(
  'classifier_examples',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    text: text('text').notNull(),
    /**
     * A category code, or `__none__` for a text that is no complaint (rejected as spam). Null when only the
     * block is known (an import by block): training then picks the block's category the seed model favours.
     */
    label: text('label'),
    blockCode: text('block_code'),
    origin: text('origin', { enum: EXAMPLE_ORIGINS }).notNull(),
    /** The complaint the decision was about (no foreign key: complaints are partitioned and may be dropped). */
    complaintId: bigint('complaint_id', { mode: 'number' }),
    createdAt: timestamp('created_at', tz).notNull(),
    /** `user:3`, `operator`, `system:cli`: who taught it. */
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    // Retraining counts and reads the recent decisions (the held-out slice) by origin and id.
    index('classifier_examples_origin_idx').on(t.origin, t.id),
  ],
);

export type ClassifierExampleRow = typeof classifierExamples.$inferSelect;
