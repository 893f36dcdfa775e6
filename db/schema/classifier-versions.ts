import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

export const CLASSIFIER_VERSION_STATUSES = ['candidate', 'live', 'refused', 'retired'] as const;
export type ClassifierVersionStatus = (typeof CLASSIFIER_VERSION_STATUSES)[number];

/** One model's scores on a held-out slice (lib/classifier-learning/measure-model.ts fills it; jsonb, no migration). */
export interface ClassifierScores {
  threshold: number;
  /** Share of the slice's complaints at or above the threshold. */
  coverage: number;
  /** Blocks right among the confident answers, and of the top guess over every complaint. */
  confidentAccuracy: number;
  overallAccuracy: number;
  /** Top guess's category right, over every complaint. */
  categoryAccuracy: number;
  /** Share of the slice's non-complaints (spam) that stay below the threshold. */
  noneRejected: number;
  perBlock: { block: string; support: number; precision: number; recall: number; f1: number }[];
  confusions: { expected: string; predicted: string; count: number }[];
}

export interface ClassifierMetrics {
  heldOut: number;
  /** The calibration target the thresholds were chosen for (block precision of the confident answers). */
  targetPrecision: number;
  candidate: ClassifierScores;
  /** The version that was live when this one was measured, on the same slice: the comparison. */
  live: (ClassifierScores & { version: number }) | null;
}

/**
 * A trained classifier. The weights are not stored: the model is deterministic from the seed corpus, the
 * examples with id ≤ `trained_from` outside the held-out slice, and the training options, so every node
 * rebuilds the live version locally. Only one row is live at a time.
 */
export const classifierVersions = pgTable(
  'classifier_versions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    createdAt: timestamp('created_at', tz).notNull(),
    /** The highest example id it saw (0: the seed corpus alone). */
    trainedFrom: bigint('trained_from', { mode: 'number' }).notNull(),
    /** Decisions with id ≥ this (and ≤ trained_from) were held out: measured on, never trained on. */
    heldOutFrom: bigint('held_out_from', { mode: 'number' }).notNull(),
    /** Examples it was trained on, the seed corpus included. */
    examples: integer('examples').notNull(),
    status: text('status', { enum: CLASSIFIER_VERSION_STATUSES }).notNull(),
    /** Confidence at or above which intake accepts its guess without an operator. */
    threshold: doublePrecision('threshold').notNull(),
    metrics: jsonb('metrics').$type<ClassifierMetrics>(),
    /** Why it was refused (or why it was retired by a rollback). */
    reason: text('reason'),
    /** `user:3`, `system:retrain` (the leader's schedule), `system:cli`. */
    requestedBy: text('requested_by').notNull(),
    /** When it last went live. */
    liveAt: timestamp('live_at', tz),
  },
  (t) => [
    // At most one live version: every node loads exactly this one, and a racing second writer fails.
    uniqueIndex('classifier_versions_live_uidx')
      .on(t.status)
      .where(sql`status = 'live'`),
    // The admin page lists newest first.
    index('classifier_versions_created_idx').on(t.createdAt),
  ],
);

export type ClassifierVersionRow = typeof classifierVersions.$inferSelect;
