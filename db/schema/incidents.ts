import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

export const INCIDENT_STATUSES = ['new', 'acknowledged', 'in_work', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * A burst: one category's complaints in one municipality running far above that place's usual level for the
 * hour of the week (lib/stats/tension.ts over rollup_hourly). It is what the room reacts to, so it is an object
 * with a life: the wall raises an alarm while it is `new`, a named operator acknowledges it, it is worked and
 * closed. Its counts are kept by the leader's scan; history is reconstructed by the same detector.
 */
export const incidents = pgTable(
  'incidents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    blockCode: text('block_code').notNull(),
    categoryCode: text('category_code').notNull(),
    municipalityOktmo: text('municipality_oktmo').notNull(),
    /** The town nearest the burst's largest problem (or the municipality's centre without one). */
    place: text('place').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** The largest problem of the burst: its executor and its exact place. */
    problemId: bigint('problem_id', { mode: 'number' }),
    executorCode: text('executor_code'),
    /** Start of the first clock hour of the burst. */
    openedAt: timestamp('opened_at', tz).notNull(),
    /** When the detector first saw it (the alarm's time). */
    detectedAt: timestamp('detected_at', tz).notNull(),
    /** The last clock hour the detector still saw it in. */
    lastAt: timestamp('last_at', tz).notNull(),
    /** Complaints of the category in the municipality since openedAt. */
    complaints: integer('complaints').notNull(),
    /** The usual range for the same window in previous weeks (min and max): «обычно 0–1». */
    usualLow: integer('usual_low').notNull(),
    usualHigh: integer('usual_high').notNull(),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('new'),
    acknowledgedBy: bigint('acknowledged_by', { mode: 'number' }),
    acknowledgedByName: text('acknowledged_by_name'),
    acknowledgedAt: timestamp('acknowledged_at', tz),
    closedAt: timestamp('closed_at', tz),
    /** `user:3` or `system:incident-scan` (quiet for the closing window). */
    closedBy: text('closed_by'),
  },
  (t) => [
    // One live incident per place and category: the scan updates it instead of opening a second one.
    uniqueIndex('incidents_live_uidx')
      .on(t.municipalityOktmo, t.categoryCode)
      .where(sql`status <> 'closed'`),
    // Screens list the live incidents; the briefing and the shift view read by opening time.
    index('incidents_opened_idx').on(t.openedAt),
    index('incidents_live_idx')
      .on(t.status)
      .where(sql`status <> 'closed'`),
  ],
);

export type IncidentRow = typeof incidents.$inferSelect;
