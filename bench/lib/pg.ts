/**
 * The PostgreSQL the bench measures against: DATABASE_URL when given, else a throwaway server from
 * scripts/pg-throwaway.sh (stopped at the end, and by the script's own watcher if we die). Every phase gets a
 * database of its own so one phase's rows never speed up or slow down the next.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';

const run = promisify(execFile);

export interface PgTarget {
  /** A URL of an existing database; other databases are created next to it. */
  adminUrl: string;
  /** Set when the bench started the server itself: its data dir (for stop and for the postmaster's pid). */
  throwawayDir: string | null;
  version: string;
  stop: () => Promise<void>;
}

export async function openPgTarget(root: string, databaseUrl: string | undefined): Promise<PgTarget> {
  let adminUrl = databaseUrl;
  let throwawayDir: string | null = null;
  const script = path.join(root, 'scripts', 'pg-throwaway.sh');
  if (!adminUrl) {
    // The script's watcher stops the server once this process is gone, even after a SIGKILL.
    const { stdout } = await run('bash', [script, 'start'], {
      env: { ...process.env, PG_THROWAWAY_OWNER: String(process.pid) },
    });
    const vars = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2) as [string, string]),
    );
    adminUrl = vars.TEST_DATABASE_URL;
    throwawayDir = vars.PG_THROWAWAY_DIR ?? null;
    if (!adminUrl || !throwawayDir) throw new Error(`pg-throwaway.sh printed no URL:\n${stdout}`);
  }
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
  await sql.end({ timeout: 5 });
  let stopped = false;
  return {
    adminUrl,
    throwawayDir,
    version: row?.v ?? 'unknown',
    stop: async () => {
      if (stopped || !throwawayDir) return;
      stopped = true;
      await run('bash', [script, 'stop', throwawayDir]).catch((error: unknown) => {
        console.error(`could not stop the throwaway PostgreSQL in ${throwawayDir}:`, error);
      });
    },
  };
}

/** The postmaster's pid of a throwaway server (first line of postmaster.pid), to measure PostgreSQL's CPU. */
export function postmasterPid(target: PgTarget): number | null {
  if (!target.throwawayDir) return null;
  try {
    const first = readFileSync(path.join(target.throwawayDir, 'data', 'postmaster.pid'), 'utf8').split(
      '\n',
    )[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, empty database for one phase; the app (or the bench) migrates it. */
export async function createDatabase(target: PgTarget, phase: string): Promise<string> {
  const name = `bench_${phase}_${Date.now().toString(36)}`;
  const sql = postgres(target.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return withDatabase(target.adminUrl, name);
}

/** Drops a phase's database (10 M rows are gigabytes); FORCE ends sessions a stopped server may have left. */
export async function dropDatabase(target: PgTarget, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith('bench_'))
    throw new Error(`refusing to drop a database the bench did not create: ${name}`);
  const sql = postgres(target.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
