import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { bootstrap } from '@/lib/bootstrap';
import { LiveHub } from '@/lib/realtime/live-hub';
import { PanelHub } from '@/lib/realtime/panel-hub';
import { registerApp, unregisterApp } from '@/lib/server/app-registry';
import type { AppContext } from '@/lib/context';

/** Which database this run of the suite targets: `TEST_DB=postgres` with TEST_DATABASE_URL, else PGlite. */
export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export interface TestApp {
  ctx: AppContext;
  close: () => Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh, migrated and seeded database per call: in-memory PGlite, or a new database on the test server. */
export async function createTestApp(
  options: { now?: () => Date; maxQueuedWrites?: number } = {},
): Promise<TestApp> {
  if (TEST_DB === 'pglite') {
    const { ctx, handle } = await bootstrap({ pgliteDir: 'memory://', ...options });
    return { ctx, close: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (see scripts/test-all.ts)');
  const name = `cur_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const { ctx, handle } = await bootstrap({
    databaseUrl: withDatabase(adminUrl, name),
    pgliteDir: 'memory://',
    ...options,
  });
  return {
    ctx,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A test app registered as the running app, so the real route handlers can be called against it. */
export async function createRegisteredTestApp(
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<TestApp> {
  const app = await createTestApp(options);
  const live = new LiveHub(app.ctx);
  const panels = new PanelHub(app.ctx);
  registerApp({ ctx: app.ctx, live, panels, buildId: 'test', startedAt: new Date() });
  return {
    ctx: app.ctx,
    close: async () => {
      unregisterApp();
      await Promise.all([live.stop(), panels.stop()]);
      await app.close();
    },
  };
}
