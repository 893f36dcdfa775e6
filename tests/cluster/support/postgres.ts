/**
 * A throwaway PostgreSQL for the process-level tests (scripts/pg-throwaway.sh): one server per test file, with
 * a stop that keeps its folder (a database outage), a start on the same folder and port (its return), and a
 * destroy. The script's watcher removes it if this process dies without destroying it.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './paths';

const run = promisify(execFile);
const SCRIPT = path.join(repoRoot, 'scripts', 'pg-throwaway.sh');

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:PORT/cur_test (trust auth, superuser). */
  url: string;
  /** The server's folder under /tmp (data/, server.log, port). */
  dir: string;
  /** `pg_ctl stop -m fast`: sessions end, the server is gone, the folder stays. */
  stop(): Promise<void>;
  /** Starts it again from the same folder on the same port. */
  start(): Promise<void>;
  /** Stops it and deletes the folder; idempotent. */
  destroy(): Promise<void>;
}

/** Whether the server binaries exist (Debian's postgresql package), so a suite can say why it cannot run. */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await run('bash', ['-c', "compgen -G '/usr/lib/postgresql/*/bin/initdb' || command -v initdb"]);
    return true;
  } catch {
    return false;
  }
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const { stdout } = await run('bash', [SCRIPT, 'start'], {
    env: { ...process.env, PG_THROWAWAY_OWNER: String(process.pid) },
  });
  const vars = Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.match(/^([A-Z_]+)=(.*)$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  const url = vars.TEST_DATABASE_URL;
  const dir = vars.PG_THROWAWAY_DIR;
  if (!url || !dir) throw new Error(`pg-throwaway.sh printed no URL:\n${stdout}`);
  let destroyed = false;
  return {
    url,
    dir,
    stop: async () => {
      await run('bash', [SCRIPT, 'pause', dir]);
    },
    start: async () => {
      await run('bash', [SCRIPT, 'resume', dir]);
    },
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await run('bash', [SCRIPT, 'stop', dir]);
    },
  };
}
