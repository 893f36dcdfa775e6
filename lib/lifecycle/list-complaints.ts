import { and, desc, eq, inArray, lt, lte, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaints } from '../../db/schema';
import type { ComplaintFacts, ListFilter } from '../domain/access';
import { isOpenStatus, OPEN_STATUSES, type ComplaintStatus, type SlaState } from '../domain/statuses';
import { homeRegion } from '../queries/scope-filter';
import { maskPersonalData } from '../text/mask-personal-data';
import { COMPLAINT_LIST_MAX_LIMIT, type StatusGroup } from './list-complaints-query';

export interface ComplaintListRow {
  id: number;
  receivedAt: string;
  dueAt: string;
  status: ComplaintStatus;
  /** As of the SLA clock's last tick. */
  slaState: SlaState;
  /** Open and past its due time now. */
  overdue: boolean;
  block: string | null;
  category: string | null;
  municipality: string | null;
  executor: string | null;
  /** Unmasked only when the caller's decision allowed it for this row. */
  address: string | null;
  text: string;
  /** False when text and address had names, phones and the like masked. */
  personal: boolean;
}

export interface ComplaintListPage {
  complaints: ComplaintListRow[];
  /** Pass as `before` for the next page; null when this was the last. */
  nextBefore: number | null;
}

interface ComplaintListOptions {
  /** The caller's scope (listFilter(actor)): applied in the WHERE, so a page is never short of rows. */
  scope: ListFilter | null;
  status: StatusGroup;
  overdue?: boolean;
  block?: string;
  municipality?: string;
  executor?: string;
  before?: number;
  limit: number;
  now: Date;
  /** Whether the caller may read this complaint's personal data (seesPersonalData). */
  personal: (facts: ComplaintFacts) => boolean;
}

const CLOSED_STATUSES: ComplaintStatus[] = ['closed', 'rejected', 'on_vote'];

function statusCondition(group: StatusGroup, overdue: boolean): SQL | undefined {
  // Overdue means open: the open-status predicate is what lets the partial indexes
  // (complaints_executor_open_idx, complaints_block_executor_open_idx, …) serve the scoped lists.
  if (overdue || group === 'open') return inArray(complaints.status, [...OPEN_STATUSES]);
  if (group === 'resolved') return inArray(complaints.status, ['resolved']);
  if (group === 'closed') return inArray(complaints.status, CLOSED_STATUSES);
  return undefined;
}

/** The scope and the asked codes together; null when they leave nothing to list. */
function codeConditions(options: ComplaintListOptions): SQL[] | null {
  const { scope } = options;
  const lists: [readonly string[] | undefined, string | undefined, Column][] = [
    [scope?.blocks, options.block, complaints.blockCode],
    [scope?.municipalities, options.municipality, complaints.municipalityOktmo],
    [scope?.executors, options.executor, complaints.executorCode],
  ];
  const conditions: SQL[] = [];
  for (const [allowed, asked, column] of lists) {
    let codes = allowed ? [...allowed] : undefined;
    if (asked !== undefined) codes = codes ? codes.filter((c) => c === asked) : [asked];
    if (codes === undefined) continue;
    if (codes.length === 0) return null;
    conditions.push(codes.length === 1 ? eq(column, codes[0]) : inArray(column, codes));
  }
  return conditions;
}

/**
 * Complaints of the home region, newest first, a page at a time (keyset on id: pages never overlap or skip
 * while new complaints arrive). The caller's scope is part of the WHERE, never a filter over a fetched page.
 */
export async function listComplaints(db: Db, options: ComplaintListOptions): Promise<ComplaintListPage> {
  const codes = codeConditions(options);
  if (codes === null) return { complaints: [], nextBefore: null };
  const limit = Math.min(Math.max(1, Math.trunc(options.limit)), COMPLAINT_LIST_MAX_LIMIT);
  const where = and(
    homeRegion(),
    statusCondition(options.status, options.overdue === true),
    options.overdue ? lte(complaints.dueAt, options.now) : undefined,
    ...codes,
    options.before !== undefined ? lt(complaints.id, options.before) : undefined,
  );
  const rows = await db
    .select({
      id: complaints.id,
      receivedAt: complaints.receivedAt,
      dueAt: complaints.dueAt,
      status: complaints.status,
      slaState: complaints.slaState,
      block: complaints.blockCode,
      category: complaints.categoryCode,
      municipality: complaints.municipalityOktmo,
      executor: complaints.executorCode,
      address: complaints.address,
      text: complaints.text,
    })
    .from(complaints)
    .where(where)
    .orderBy(desc(complaints.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const nowMs = options.now.getTime();
  return {
    complaints: page.map((r) => {
      const personal = options.personal({
        executor: r.executor,
        block: r.block,
        municipality: r.municipality,
      });
      return {
        id: r.id,
        receivedAt: r.receivedAt.toISOString(),
        dueAt: r.dueAt.toISOString(),
        status: r.status,
        slaState: r.slaState,
        overdue: isOpenStatus(r.status) && r.dueAt.getTime() <= nowMs,
        block: r.block,
        category: r.category,
        municipality: r.municipality,
        executor: r.executor,
        address: r.address === null || personal ? r.address : maskPersonalData(r.address),
        text: personal ? r.text : maskPersonalData(r.text),
        personal,
      };
    }),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}
