import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { DbOptions } from '@/db/client';
import { createApp, type App, type WholeAppOptions } from '@/lib/app/create-app';
import type { AppContext } from '@/lib/context';

/** Which database this run of the suite targets: `TEST_DB=postgres` with TEST_DATABASE_URL, else PGlite. */
export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestApp {
  ctx: AppContext;
  close: () => Promise<void>;
}

type TestAppOptions = { now?: () => Date; maxQueuedWrites?: number };

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database per call: in-memory PGlite, or a new database on the test server, dropped by `drop`. */
export async function testDatabase(): Promise<{ database: DbOptions; drop: () => Promise<void> }> {
  if (TEST_DB === 'pglite') return { database: { pgliteDir: 'memory://' }, drop: async () => {} };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (see scripts/test-all.ts)');
  const name = `cur_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  return {
    database: { databaseUrl: withDatabase(adminUrl, name), pgliteDir: 'memory://' },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** createApp on a fresh test database; close() also drops that database. */
async function onTestDatabase<T extends { close: () => Promise<void> }>(
  create: (database: DbOptions) => Promise<T>,
): Promise<T> {
  const { database, drop } = await testDatabase();
  let app: T;
  try {
    app = await create(database);
  } catch (error) {
    await drop();
    throw error;
  }
  const closeApp = app.close;
  app.close = async () => {
    await closeApp();
    await drop();
  };
  return app;
}

/** A fresh, migrated and seeded database per call: in-memory PGlite, or a new database on the test server. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await onTestDatabase((database) => createApp({ database, ...options, hubs: false }));
  return { ctx: app.ctx, close: app.close };
}

/** A test app registered as the running app, so the real route handlers can be called against it. */
export async function createRegisteredTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const app = await onTestDatabase((database) =>
    createApp({ database, ...options, register: { buildId: 'test' } }),
  );
  return { ctx: app.ctx, close: app.close };
}

/**
 * The whole app on a fresh test database, with the hubs, realtime and registration a test asks for; nothing
 * runs until `start()`, and no background clock or dispatcher unless asked.
 */
export async function createWholeTestApp(options: Omit<WholeAppOptions, 'database'> = {}): Promise<App> {
  return onTestDatabase((database) => createApp({ database, ...options }));
}
