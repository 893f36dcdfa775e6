import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { AuditAction } from './audit';

export interface AuditFilter {
  /** Entries older than this id (the last id of the previous page). */
  before?: number;
  /** Exactly as recorded: `user:ivanov`, `display:2`, `source:dobrodel`, `system:cli`. */
  actor?: string;
  action?: AuditAction;
  /** Inclusive lower and exclusive upper bound of `at`. */
  from?: Date;
  to?: Date;
  limit: number;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  actorLabel: string;
  action: string;
  target: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  address: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  nextBefore: number | null;
}

export const AUDIT_PAGE_MAX = 200;

/**
 * The audit log newest first, a page at a time. Pages are keyed by id rather than offset, so entries recorded
 * while someone reads do not shift the older pages.
 */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditPage> {
  const limit = Math.min(Math.max(1, Math.trunc(filter.limit)), AUDIT_PAGE_MAX);
  const conditions: SQL[] = [];
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  if (filter.actor !== undefined) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.action !== undefined) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from !== undefined) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to !== undefined) conditions.push(lt(auditLog.at, filter.to));
  const rows = await db
    .select()
    .from(auditLog)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    entries: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > limit ? page[page.length - 1]!.id : null,
  };
}
