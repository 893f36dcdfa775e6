/**
 * What the database says, read directly (not through any node): the numbers a wall shows, the change feed's
 * record of who committed what, and which node leads (its /metrics).
 */
import postgres from 'postgres';
import type { WallNumbers } from './wall-watch';
import { METRICS_TOKEN, type NodeProcess } from './spawn-node';

export type Sql = postgres.Sql;

export function openSql(url: string): Sql {
  return postgres(url, { max: 2, onnotice: () => {} });
}

/** Midnight in Moscow (UTC+3 all year), as the summary's "today" counts. */
export function moscowMidnight(nowMs = Date.now()): Date {
  const shift = 3 * 3600_000;
  return new Date(Math.floor((nowMs + shift) / 86_400_000) * 86_400_000 - shift);
}

/** today / open / overdue counted from the complaints themselves, as the rollups should hold them. */
export async function databaseNumbers(sql: Sql): Promise<WallNumbers> {
  const [row] = await sql<{ today: number; open: number; overdue: number }[]>`
    select
      count(*) filter (where received_at >= ${moscowMidnight().toISOString()}::timestamptz)::int as today,
      count(*) filter (where status in ('new', 'routed', 'in_progress', 'reopened'))::int as open,
      count(*) filter (where status in ('new', 'routed', 'in_progress', 'reopened')
                         and sla_state in ('late', 'very_late'))::int as overdue
    from complaints`;
  return row!;
}

export interface FeedRow {
  seq: number;
  committedAt: number;
  node: string;
  created: number;
  slaMoved: number;
}

/** The change feed, in order: who committed how many arrivals and SLA moves, and when (ms). */
export async function feedRows(sql: Sql): Promise<FeedRow[]> {
  const rows = await sql<
    { seq: string; committed_at: Date; node: string; created: number; sla_moved: number }[]
  >`
    select seq, committed_at, node, jsonb_array_length(payload->'created')::int as created,
           coalesce((payload->>'slaMoved')::int, 0) as sla_moved
    from change_feed order by seq`;
  return rows.map((r) => ({
    seq: Number(r.seq),
    committedAt: r.committed_at.getTime(),
    node: r.node,
    created: r.created,
    slaMoved: r.sla_moved,
  }));
}

/** Whether a node's /metrics says it leads (`cur_leader 1`); null when it does not answer. */
export async function isLeader(node: NodeProcess): Promise<boolean | null> {
  try {
    const res = await fetch(`${node.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      signal: AbortSignal.timeout(2000),
    });
    if (!res.ok) return null;
    const text = await res.text();
    return /^cur_leader(\{[^}]*\})? 1$/m.test(text);
  } catch {
    return null;
  }
}

/** The one node whose /metrics says it leads, waiting up to timeoutMs for exactly one. */
export async function findLeader(nodes: NodeProcess[], timeoutMs: number): Promise<NodeProcess> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(nodes.map(isLeader));
    const leaders = nodes.filter((_n, i) => states[i] === true);
    if (leaders.length === 1) return leaders[0]!;
    if (Date.now() > deadline) {
      const seen = nodes.map((n, i) => `${n.nodeId}=${states[i]}`).join(' ');
      throw new Error(`not exactly one leader after ${timeoutMs} ms: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
