import pino, { type Logger } from 'pino';
import { Revocations } from '../identity/revocations';
import { openDb, type DbHandle, type DbOptions } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { seedReference } from '../../db/seed/seed-reference';
import type { AppContext } from '../context';
import { loadMunicipalityLocator } from '../geo/municipality-locator';
import { loadPlaceFinder } from '../geo/place-from-text';
import { loadReference } from '../reference/load-reference';
import { ChangeBus } from '../commit/change-bus';
import { WriteQueue } from '../commit/write-queue';
import { describeError } from '../log/describe-error';
import { DatabaseHealth } from '../health/database-health';
import { Leadership } from '../cluster/leadership';

export interface ContextOptions {
  database: DbOptions;
  log?: Logger;
  now?: () => Date;
  /** Backlog of the single writer before intake answers 503 (default 20,000 items). */
  maxQueuedWrites?: number;
  /** This node's name (default `local`). */
  nodeId?: string;
  /** One of several nodes on this PostgreSQL: the leader is elected (else this process leads alone). */
  cluster?: { leaderIntervalMs?: number };
}

export interface OpenedContext {
  ctx: AppContext;
  handle: DbHandle;
  leadership: Leadership;
}

/** Nodes starting together on one PostgreSQL migrate and seed one after another, not over each other. */
async function underStartLock(handle: DbHandle, work: () => Promise<void>): Promise<void> {
  if (!handle.postgres) return work();
  const session = await handle.postgres.reserve();
  try {
    await session`select pg_advisory_lock(hashtext('cur-wall:start'))`;
    await work();
  } finally {
    await session`select pg_advisory_unlock(hashtext('cur-wall:start'))`.catch(() => {});
    session.release();
  }
}

/**
 * The database part of the app: opens it, applies migrations, seeds reference data and builds the context every
 * write path uses. Only createApp calls it, so every entry (server, scripts, tests) opens the database one way.
 */
export async function openContext(options: ContextOptions): Promise<OpenedContext> {
  const log = options.log ?? pino({ level: 'silent' });
  const handle = await openDb(options.database);
  try {
    await underStartLock(handle, async () => {
      await runMigrations(handle);
      await seedReference(handle.db);
    });
    const reference = await loadReference(handle.db);
    const nodeId = options.nodeId ?? 'local';
    const clustered = options.cluster !== undefined && handle.driver === 'postgres';
    const leadership = new Leadership({
      nodeId,
      log,
      databaseUrl: clustered ? options.database.databaseUrl : undefined,
      intervalMs: options.cluster?.leaderIntervalMs,
    });
    const ctx: AppContext = {
      db: handle.db,
      reference,
      locator: loadMunicipalityLocator(),
      places: loadPlaceFinder(),
      changes: new ChangeBus((err) =>
        log.error({ err: describeError(err) }, 'a change listener failed after the commit'),
      ),
      writer: new WriteQueue({
        maxQueuedItems: options.maxQueuedWrites ?? 20_000,
        // PGlite has one connection: two transactions at once would interleave on it.
        sharedLanes: handle.driver === 'postgres' ? 2 : 1,
      }),
      revocations: new Revocations(),
      health: new DatabaseHealth({
        ping: handle.ping,
        poolStats: handle.poolStats,
        nudge: handle.nudge,
        log,
      }),
      log,
      nodeId,
      leader: leadership,
      now: options.now ?? (() => new Date()),
    };
    log.info({ driver: handle.driver, municipalities: reference.municipalities.size }, 'database ready');
    return { ctx, handle, leadership };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
