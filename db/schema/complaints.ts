import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createSelectSchema } from 'drizzle-zod';
import { blocks } from './blocks';
import { categories } from './categories';
import { municipalities } from './municipalities';
import { sources } from './sources';
import { COMPLAINT_STATUSES } from '../../lib/lifecycle/statuses';

const tz = { withTimezone: true, mode: 'date' } as const;

export const complaints = pgTable(
  'complaints',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceCode: text('source_code')
      .notNull()
      .references(() => sources.code),
    externalId: text('external_id').notNull(),
    receivedAt: timestamp('received_at', tz).notNull(),
    text: text('text').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    address: text('address'),
    municipalityOktmo: text('municipality_oktmo').references(() => municipalities.oktmo),
    blockCode: text('block_code').references(() => blocks.code),
    categoryCode: text('category_code').references(() => categories.code),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('new'),
    /** Time of the latest lifecycle event: a new event may not precede it. */
    statusAt: timestamp('status_at', tz).notNull(),
    dueAt: timestamp('due_at', tz).notNull(),
    /** H3 cell at resolution 8 (≈ 0.7 km²): drill-down hexagons. */
    h3Fine: text('h3_fine'),
    /** H3 cell at resolution 6 (≈ 36 km²): region wall hexagons. */
    h3Coarse: text('h3_coarse'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', tz),
    closedAt: timestamp('closed_at', tz),
  },
  (t) => [
    // Idempotent intake: a replayed (source, externalId) is a duplicate, never a second row.
    uniqueIndex('complaints_source_external_uq').on(t.sourceCode, t.externalId),
    // "today" and "last hour" counters scan a short time range.
    index('complaints_received_idx').on(t.receivedAt),
    // Block and municipality scoped counters and lists.
    index('complaints_block_received_idx').on(t.blockCode, t.receivedAt),
    index('complaints_municipality_received_idx').on(t.municipalityOktmo, t.receivedAt),
    // Open and overdue counters and the hexagon layer only touch open complaints.
    index('complaints_open_due_idx')
      .on(t.dueAt)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened')`),
    check(
      'complaints_status_check',
      sql`${t.status} in (${sql.raw(COMPLAINT_STATUSES.map((s) => `'${s}'`).join(', '))})`,
    ),
    check('complaints_lat_lon_check', sql`(${t.lat} is null) = (${t.lon} is null)`),
  ],
);

export const complaintSchema = createSelectSchema(complaints);
export type Complaint = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
