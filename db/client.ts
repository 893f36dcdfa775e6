import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** Either driver's drizzle instance: PGlite and postgres.js share the pg-core query builder. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbHandle {
  db: Db;
  driver: 'pglite' | 'postgres';
  /**
   * The driver's own client, for what drizzle does not cover: a reserved session (the leader's advisory lock),
   * LISTEN. PostgreSQL only; PGlite is one process and needs neither.
   */
  postgres?: import('postgres').Sql;
  /**
   * One cheap round trip on a connection of its own (never queued behind the pool's work), failing within
   * `deadlineMs`: the health probe and /healthz use it.
   */
  ping: (deadlineMs: number) => Promise<void>;
  /** This node's connections as the server counts them (PostgreSQL), or null (PGlite has no pool). */
  poolStats: () => Promise<PoolStats | null>;
  /**
   * One query on the pool, its failure ignored, while the database is down: postgres.js can leave queued
   * queries waiting after its connections were reset until another query comes along (which then gets a
   * connection attempt and fails them in turn); the health probe sends this one.
   */
  nudge: () => void;
  close: () => Promise<void>;
}

export interface PoolStats {
  /** Connections open to the server. */
  open: number;
  /** Of those, the ones running a statement. */
  busy: number;
  max: number;
}

export interface DbOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder, or `memory://` for an in-memory database. */
  pgliteDir: string;
  /** How long opening a connection may take (DB_CONNECT_TIMEOUT_MS; default 1,500 ms). */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout for every statement of the pool (DB_STATEMENT_TIMEOUT_MS; default 15 s). */
  statementTimeoutMs?: number;
  /** application_name of the pool's connections (the node's id), so the server's views tell nodes apart. */
  applicationName?: string;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 1_500;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
const POOL_MAX = 10;

/** A ping that did not answer in time: counted as the database being unavailable. */
class PingTimeout extends Error {
  override readonly name = 'PingTimeout';
  readonly code = 'PING_TIMEOUT';
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PingTimeout(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * postgres.js waits `backoff(retries)` seconds before a failed connection tries again, growing to 20 s by
 * default: a query taken by such a connection waits that long, so requests hung 5–17 s while the database was
 * down and the first success came seconds after it was back. A refused connection costs the server nothing,
 * so retry almost at once, never more than a tenth of a second apart.
 */
const quickBackoff = (retries: number): number => Math.min(0.02 * 2 ** retries, 0.1);

export async function openDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const applicationName = (options.applicationName ?? 'cur-wall').slice(0, 60);
    const common = {
      onnotice: () => {},
      // Whole seconds are not required: postgres.js multiplies by 1,000 into a timer.
      connect_timeout: connectTimeoutMs / 1000,
      backoff: quickBackoff,
      // Counts come back as bigint strings otherwise; our counts fit in a JS number.
      types: { bigint: postgres.BigInt },
    };
    const client = postgres(options.databaseUrl, {
      ...common,
      max: POOL_MAX,
      // Idle connections go after a minute, every connection within 30–40 minutes: a failover or a
      // balancer in front of PostgreSQL is followed without a restart.
      idle_timeout: 60,
      max_lifetime: 60 * (30 + Math.random() * 10),
      connection: {
        application_name: applicationName,
        statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
        // A transaction left open by a bug holds locks and a connection: the server ends it.
        idle_in_transaction_session_timeout: 60_000,
      },
    });
    const probe = postgres(options.databaseUrl, {
      ...common,
      max: 1,
      backoff: () => 0,
      connection: { application_name: `${applicationName}:probe`, statement_timeout: 2_000 },
    });
    const db = drizzle(client, { schema }) as unknown as Db;
    return {
      db,
      driver: 'postgres',
      postgres: client,
      nudge: () => void client`select 1`.catch(() => {}),
      ping: (deadlineMs) =>
        withDeadline(
          probe`select 1`.then(() => {}),
          deadlineMs,
        ),
      poolStats: async () => {
        const [row] = await withDeadline(
          probe<{ open: number; busy: number }[]>`
            select count(*)::int as open, count(*) filter (where state = 'active')::int as busy
            from pg_stat_activity where application_name = ${applicationName}`,
          2_000,
        );
        return { open: row?.open ?? 0, busy: row?.busy ?? 0, max: POOL_MAX };
      },
      // Bounded: a shutdown while the database is down must not wait for it.
      close: async () => {
        await Promise.all([client.end({ timeout: 2 }), probe.end({ timeout: 0 })]);
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = options.pgliteDir;
  if (!dir.startsWith('memory://')) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    // In the process: it fails only once closed, and then at once.
    ping: (deadlineMs) =>
      withDeadline(
        client.query('select 1').then(() => {}),
        deadlineMs,
      ),
    poolStats: async () => null,
    nudge: () => {},
    close: () => client.close(),
  };
}

/** Rows of a `db.execute()` result: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
