import { sql, type SQL } from 'drizzle-orm';
import { HOME_REGION } from '../domain/home-region';
import { rowsOf, type Db } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import type { ComplaintStatus, RejectionReason } from '../domain/statuses';

/** What `GET /open311/v2/requests.json` may filter on; `ids` overrides the rest, as GeoReport v2 says. */
export interface Open311RequestFilter {
  ids?: number[];
  categoryCodes?: string[];
  statuses?: readonly ComplaintStatus[];
  /** Inclusive bounds on received_at. */
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** One complaint with what a GeoReport request shows of it (text still unmasked: the formatter masks it). */
export interface Open311RequestRow {
  id: number;
  categoryCode: string | null;
  categoryName: string | null;
  status: ComplaintStatus;
  rejectionReason: RejectionReason | null;
  text: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  receivedAt: Date;
  statusAt: Date;
  dueAt: Date;
  executorName: string | null;
  /** From the latest `resolved` event, for resolved and closed complaints only. */
  answer: string | null;
  photoUrl: string | null;
}

interface RawRow {
  id: number | string;
  category_code: string | null;
  category_name: string | null;
  status: ComplaintStatus;
  rejection_reason: RejectionReason | null;
  text: string;
  address: string | null;
  lat: number | string | null;
  lon: number | string | null;
  received_at: Date | string;
  status_at: Date | string;
  due_at: Date | string;
  executor_name: string | null;
  answer: string | null;
  photo_url: string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const date = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

// Open311 publishes the home region's requests only; other regions' centers answer for theirs.
const HOME = sql.raw(`c.region_code = '${HOME_REGION}'`);

function conditions(filter: Open311RequestFilter): SQL[] {
  if (filter.ids) return [sql`c.id = any(${pgArray(filter.ids)}::bigint[])`, HOME];
  const where: SQL[] = [HOME];
  // The date window comes first so that complaints_received_idx bounds the scan.
  if (filter.from) where.push(sql`c.received_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) where.push(sql`c.received_at <= ${filter.to.toISOString()}::timestamptz`);
  if (filter.categoryCodes) where.push(sql`c.category_code = any(${pgArray(filter.categoryCodes)}::text[])`);
  if (filter.statuses) where.push(sql`c.status = any(${pgArray([...filter.statuses])}::text[])`);
  return where;
}

/**
 * Complaints as GeoReport requests, newest first: category and executor names joined, and the latest
 * resolution (answer and first photo) through a lateral lookup on complaint_events_complaint_at_idx.
 */
export async function getOpen311Requests(db: Db, filter: Open311RequestFilter): Promise<Open311RequestRow[]> {
  const where = conditions(filter);
  // The page is chosen first (the window on complaints_received_idx, sorted, cut), and only its rows are joined.
  const result = await db.execute(sql`
    with page as (
      select c.id, c.category_code, c.executor_code, c.status, c.rejection_reason, c.text, c.address, c.lat,
        c.lon, c.received_at, c.status_at, c.due_at
      from complaints c
      ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by c.received_at desc, c.id desc
      limit ${filter.limit} offset ${filter.offset}
    )
    select p.id, p.category_code, cat.name as category_name, p.status, p.rejection_reason, p.text, p.address,
      p.lat, p.lon, p.received_at, p.status_at, p.due_at, ex.name as executor_name,
      res.answer, res.photo_urls[1] as photo_url
    from page p
    left join categories cat on cat.code = p.category_code
    left join executors ex on ex.code = p.executor_code
    left join lateral (
      select ev.answer, ev.photo_urls
      from complaint_events ev
      where ev.complaint_id = p.id and ev.type = 'status' and ev.to_status = 'resolved'
      order by ev.at desc, ev.id desc
      limit 1
    ) res on p.status in ('resolved', 'closed')
    order by p.received_at desc, p.id desc`);
  return rowsOf<RawRow>(result).map((r) => ({
    id: Number(r.id),
    categoryCode: r.category_code,
    categoryName: r.category_name,
    status: r.status,
    rejectionReason: r.rejection_reason,
    text: r.text,
    address: r.address,
    lat: num(r.lat),
    lon: num(r.lon),
    receivedAt: date(r.received_at),
    statusAt: date(r.status_at),
    dueAt: date(r.due_at),
    executorName: r.executor_name,
    answer: r.answer,
    photoUrl: r.photo_url,
  }));
}
