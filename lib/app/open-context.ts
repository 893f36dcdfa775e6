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

export interface ContextOptions {
  database: DbOptions;
  log?: Logger;
  now?: () => Date;
  /** Backlog of the single writer before intake answers 503 (default 20,000 items). */
  maxQueuedWrites?: number;
}

export interface OpenedContext {
  ctx: AppContext;
  handle: DbHandle;
}

/**
 * The database part of the app: opens it, applies migrations, seeds reference data and builds the context every
 * write path uses. Only createApp calls it, so every entry (server, scripts, tests) opens the database one way.
 */
export async function openContext(options: ContextOptions): Promise<OpenedContext> {
  const log = options.log ?? pino({ level: 'silent' });
  const handle = await openDb(options.database);
  try {
    await runMigrations(handle);
    await seedReference(handle.db);
    const reference = await loadReference(handle.db);
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
      log,
      now: options.now ?? (() => new Date()),
    };
    log.info({ driver: handle.driver, municipalities: reference.municipalities.size }, 'database ready');
    return { ctx, handle };
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
}
