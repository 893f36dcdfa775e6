import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite allows one process per data folder: a second one (the admin CLI while the server runs, or a second
 * server) corrupts it. Whoever opens the folder holds `<folder>.lock` with its pid; a lock whose process is
 * gone (a crash, a reboot) is stale and taken over. In-memory databases and PostgreSQL need no lock.
 */
export interface DataDirLock {
  /** Removes the lock file if it is still ours. Idempotent, synchronous (it also runs on process exit). */
  release(): void;
}

export class DataDirLocked extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database ${lockFile.replace(/\.lock$/, '')} is in use by process ${pid} ` +
        `(PGlite allows one process per data folder): stop it first (the server and the admin CLI take ` +
        `turns on an embedded database; on PostgreSQL, DATABASE_URL, they run side by side). ` +
        `If process ${pid} is not this app, delete ${lockFile}.`,
    );
  }
}

function lockFileOf(pgliteDir: string): string {
  return `${path.resolve(pgliteDir).replace(/[/\\]+$/, '')}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the folder, or null (no lock, a stale one, or our own). */
function holderOf(lockFile: string): number | null {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(text.trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return alive(pid) ? pid : null;
}

/** Takes the folder's lock, or throws DataDirLocked naming the process that holds it; no-op for memory://. */
export function lockDataDir(pgliteDir: string): DataDirLock {
  if (pgliteDir.startsWith('memory://')) return { release: () => {} };
  const lockFile = lockFileOf(pgliteDir);
  const holder = holderOf(lockFile);
  if (holder !== null) throw new DataDirLocked(lockFile, holder);
  mkdirSync(path.dirname(lockFile), { recursive: true });
  writeFileSync(lockFile, `${process.pid}\n`, { mode: 0o644 });
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return { release };
}
