import { and, asc, eq, gt, gte, like, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { CategoryKind } from '../../db/seed/types';
import { categories, complaints } from '../../db/schema';
import { HOME_REGION } from '../domain/home-region';
import { OPEN_STATUSES, type ComplaintStatus } from '../domain/statuses';

export interface ProgressableComplaint {
  id: number;
  /** Always read; optional so that hand-built rows (tests) need not name the home region. */
  regionCode?: string;
  /** Always read; optional like regionCode. The simulated operator recognises its own messages by it. */
  externalId?: string | null;
  status: ComplaintStatus;
  receivedAt: Date;
  /** Time of the last event: where the complaint stands in its history. */
  statusAt: Date;
  dueAt: Date;
  categoryCode: string | null;
  blockCode: string | null;
  /** The category's kind; null for a complaint without a category. */
  kind: CategoryKind | null;
}

/** Keyset position: the last row of the previous page. */
export interface ProgressableCursor {
  dueAt: Date;
  id: number;
}

export interface ListProgressableOptions {
  after?: ProgressableCursor | null;
  limit: number;
  /** Only complaints whose externalId starts with this (the simulator moves only its own). */
  externalIdPrefix?: string;
  /** `home`: the home region's only; `foreign`: the other regions' (the federal feed moves those). */
  region?: 'home' | 'foreign';
}

// A literal list (not bound parameters) so the planner can match the partial index `complaints_open_due_idx`.
const OPEN_FILTER = sql`${complaints.status} in (${sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '))})`;

/**
 * Open complaints (new, routed, in progress, reopened), earliest deadline first, one bounded page at a time.
 * Walks the partial index of open complaints, so the cost does not grow with the closed history.
 */
export async function listProgressableComplaints(
  db: Db,
  options: ListProgressableOptions,
): Promise<ProgressableComplaint[]> {
  const { after, limit, externalIdPrefix, region } = options;
  const inRegion =
    region === undefined
      ? undefined
      : region === 'home'
        ? eq(complaints.regionCode, HOME_REGION)
        : ne(complaints.regionCode, HOME_REGION);
  const ownedBy =
    externalIdPrefix === undefined
      ? undefined
      : like(complaints.externalId, `${externalIdPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const position = after
    ? and(
        gte(complaints.dueAt, after.dueAt),
        or(gt(complaints.dueAt, after.dueAt), gt(complaints.id, after.id)),
      )
    : undefined;
  const rows = await db
    .select({
      id: complaints.id,
      regionCode: complaints.regionCode,
      externalId: complaints.externalId,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      statusAt: complaints.statusAt,
      dueAt: complaints.dueAt,
      categoryCode: complaints.categoryCode,
      blockCode: complaints.blockCode,
      kind: categories.kind,
    })
    .from(complaints)
    .leftJoin(categories, eq(categories.code, complaints.categoryCode))
    .where(and(OPEN_FILTER, position, ownedBy, inRegion))
    .orderBy(asc(complaints.dueAt), asc(complaints.id))
    .limit(limit);
  return rows;
}
