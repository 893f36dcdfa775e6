import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { HOME_REGION } from '../../lib/domain/home-region';
import { COMPLAINT_STATUSES, REJECTION_REASONS, SLA_STATES } from '../../lib/domain/statuses';

export const CLASS_SOURCES = ['source', 'classifier', 'operator'] as const;
export const PLACE_SOURCES = ['coordinates', 'text', 'operator'] as const;

const tz = { withTimezone: true, mode: 'date' } as const;

/** Ids come from a sequence the intake draws from before inserting (see lib/ingest/write-complaints.ts). */
export const complaintsIdSeq = pgSequence('complaints_id_seq');

/**
 * Partitioned by month on received_at (the migration declares PARTITION BY RANGE; lib/partitions creates the
 * months), so history grows without slowing intake. Uniqueness of (source, externalId) lives in complaint_keys,
 * since a unique index on a partitioned table must contain the partition key.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: bigint('id', { mode: 'number' })
      .notNull()
      .default(sql`nextval('complaints_id_seq')`),
    // Codes are checked against the reference cache on intake; foreign keys on this hot, partitioned table
    // cost ~15% of intake throughput and are left out.
    sourceCode: text('source_code').notNull(),
    externalId: text('external_id').notNull(),
    receivedAt: timestamp('received_at', tz).notNull(),
    text: text('text').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    address: text('address'),
    /**
     * ISO 3166-2 code of the region whose center sent it (UA-43/UA-40 for Crimea and Sevastopol, as in
     * ru_regions.geojson). Only HOME_REGION complaints reach the wall, panels, problems and Open311; the others
     * feed the federal view through rollup_region_daily / rollup_region_open.
     */
    regionCode: text('region_code').notNull().default(HOME_REGION),
    municipalityOktmo: text('municipality_oktmo'),
    blockCode: text('block_code'),
    categoryCode: text('category_code'),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('new'),
    /** Time of the latest lifecycle event: a new event may not precede it. */
    statusAt: timestamp('status_at', tz).notNull(),
    /** Punctuality as of the last SLA clock tick: late after dueAt, very late after veryLateAt. */
    slaState: text('sla_state', { enum: SLA_STATES }).notNull().default('on_time'),
    dueAt: timestamp('due_at', tz).notNull(),
    /** receivedAt + 3 × the deadline. */
    veryLateAt: timestamp('very_late_at', tz).notNull(),
    /** H3 cell at resolution 8 (≈ 0.7 km²): drill-down hexagons. */
    h3Fine: text('h3_fine'),
    /** H3 cell at resolution 6 (≈ 36 km²): region wall hexagons. */
    h3Coarse: text('h3_coarse'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', tz),
    closedAt: timestamp('closed_at', tz),
    /** The body that must fix it: set by the routing rules on intake, changed only by a recorded re-routing. */
    executorCode: text('executor_code'),
    /** The problem this complaint reports (duplicates close in place and time share one). */
    problemId: bigint('problem_id', { mode: 'number' }),
    /** Times it was reopened after a resolution: each counts against the executor that resolved it. */
    reopenCount: smallint('reopen_count').notNull().default(0),
    /** Where block and category came from: the source, the offline classifier, or an operator. */
    classSource: text('class_source', { enum: CLASS_SOURCES }),
    /** The classifier's confidence (0–1) when it classified or declined to. */
    classConfidence: real('class_confidence'),
    /** How the place was found: coordinates given, or a place name found in the text. */
    placeSource: text('place_source', { enum: PLACE_SOURCES }),
    /** The place name matched in the text, in the gazetteer's nominative form. */
    placeName: text('place_name'),
    /** An ambiguous place name: the comma-separated OKTMO codes it may mean (municipality left empty). */
    placeCandidates: text('place_candidates'),
    /**
     * The other region(s) the text names as the writer's place («Курская область»), for the operator: intake
     * gave it no Moscow Oblast place. Several regions are joined with « или » (a town in two regions).
     */
    possiblyForeignRegion: text('possibly_foreign_region'),
    /** Why it was rejected (with status `rejected`). */
    rejectionReason: text('rejection_reason', { enum: REJECTION_REASONS }),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.receivedAt] }),
    // Raw time-range reads (drill-down lists, rollup rebuilds, the bench's baseline).
    index('complaints_received_idx').on(t.receivedAt),
    // The SLA clock finds the complaints that just passed their due time without scanning the rest; with the
    // block, a panel counts its block's complaints falling due in the next 24 hours from the index alone.
    index('complaints_sla_on_time_idx')
      .on(t.dueAt, t.blockCode)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened') and sla_state = 'on_time'`),
    index('complaints_sla_late_idx')
      .on(t.veryLateAt)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened') and sla_state = 'late'`),
    // The simulator's lifecycle loop walks open complaints by deadline.
    index('complaints_open_due_idx')
      .on(t.dueAt)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened')`),
    // Per-executor overdue lists and the drill-down's executor table.
    index('complaints_executor_open_idx')
      .on(t.executorCode, t.dueAt)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened')`),
    // A block panel counts what each executor holds open and overdue now from the index alone.
    index('complaints_block_executor_open_idx')
      .on(t.blockCode, t.executorCode, t.dueAt)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened')`),
    // A municipality's drill-down: its overdue list, open cells and single complaints in view, without walking
    // the whole region's open backlog.
    index('complaints_municipality_open_due_idx')
      .on(t.municipalityOktmo, t.blockCode, t.dueAt)
      .where(sql`status in ('new', 'routed', 'in_progress', 'reopened')`),
    // The operator queue: complaints the classifier would not guess, oldest first.
    index('complaints_triage_idx')
      .on(t.receivedAt)
      .where(sql`category_code is null and status = 'new'`),
    // A problem's complaints.
    index('complaints_problem_idx').on(t.problemId),
    // The federal view's reads of other regions (a region's latest complaints and last data time): partial, so
    // the home region's intake pays nothing for it.
    index('complaints_foreign_region_idx')
      .on(t.regionCode, t.receivedAt)
      .where(sql`region_code <> '${sql.raw(HOME_REGION)}'`),
    check(
      'complaints_status_check',
      sql`${t.status} in (${sql.raw(COMPLAINT_STATUSES.map((s) => `'${s}'`).join(', '))})`,
    ),
    check('complaints_sla_state_check', sql`${t.slaState} in ('on_time', 'late', 'very_late')`),
    check('complaints_region_code_check', sql`region_code ~ '^[A-Z]{2}-[A-Z0-9]{2,3}$'`),
    check('complaints_lat_lon_check', sql`(${t.lat} is null) = (${t.lon} is null)`),
  ],
);

export type Complaint = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
