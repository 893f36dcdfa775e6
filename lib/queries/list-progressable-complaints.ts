import { and, asc, eq, gt, gte, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { CategoryKind } from '../../db/seed/types';
import { categories, complaints } from '../../db/schema';
import { OPEN_STATUSES, type ComplaintStatus } from '../lifecycle/statuses';

export interface ProgressableComplaint {
  id: number;
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
  const { after, limit, externalIdPrefix } = options;
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
    .where(and(OPEN_FILTER, position, ownedBy))
    .orderBy(asc(complaints.dueAt), asc(complaints.id))
    .limit(limit);
  return rows;
}
