/**
 * The real app as a child process: production build, one port for HTTP and Socket.IO, its own database.
 * Run as `node --import tsx server.ts` (what `npx tsx server.ts` does, minus the launcher process) so the pid
 * we hold is the server itself: CPU is read from it, and stopping it stops it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sleep } from './stats';

/** Ports other people's processes use on this machine. */
const AVOID_PORTS = new Set([3000, 3100, 3210]);
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'public'];
const SOURCE_FILES = ['server.ts', 'next.config.js', 'package.json', 'tsconfig.json', 'postcss.config.mjs'];

function newestMtime(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of SOURCE_FILES)
    if (existsSync(path.join(root, f))) newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
  return newest;
}

/** Builds when .next/BUILD_ID is missing or older than any source (or always/never when asked). */
export function ensureBuild(root: string, mode: 'auto' | 'always' | 'never'): string {
  const idFile = path.join(root, '.next', 'BUILD_ID');
  const stale = !existsSync(idFile) || statSync(idFile).mtimeMs < newestMtime(root);
  if (mode === 'always' || (mode === 'auto' && stale)) {
    console.log(
      `  building the app (npm run build${mode === 'auto' ? ', the build is missing or stale' : ''}) …`,
    );
    const started = Date.now();
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (!existsSync(idFile)) throw new Error('no production build (.next/BUILD_ID) and --build=never');
  return readFileSync(idFile, 'utf8').trim();
}

/** A free TCP port on 127.0.0.1, chosen by the kernel (and never one of the ports reserved above). */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const address = srv.address();
        const p = typeof address === 'object' && address ? address.port : 0;
        srv.close(() => resolve(p));
      });
    });
    if (!AVOID_PORTS.has(port)) return port;
  }
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Distinct error lines of a server log (Next's `⨯ …` and pino level ≥ 50), to explain failed requests. */
export function serverErrors(logFile: string, max = 3): string[] {
  const seen = new Set<string>();
  for (const line of tail(logFile, 100_000).split('\n')) {
    const isError = line.startsWith('⨯') || /"level":(5|6)0/.test(line);
    if (isError) seen.add(line.slice(0, 300));
    if (seen.size >= max) break;
  }
  return [...seen];
}

const live = new Set<ChildProcess>();

/** Kills any server still running (the orchestrator calls it on failure and on signals). */
export function killAllServers(): void {
  for (const child of live) if (child.pid) process.kill(child.pid, 'SIGKILL');
  live.clear();
}

export async function startServer(
  root: string,
  databaseUrl: string,
  label: string,
  env: Record<string, string> = {},
  /** A node restarted where the balancer expects it; default a free port. */
  fixedPort?: number,
): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const logFile = path.join(os.tmpdir(), `bench-server-${label}-${port}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SIMULATOR: 'off',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  live.add(child);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? code}`;
    live.delete(child);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (env.SIMULATOR === 'off' || !env.SIMULATOR ? 120_000 : 600_000);
  for (;;) {
    if (exited)
      throw new Error(`the server ${exited} before it was healthy; log ${logFile}:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not healthy in time; log ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(250);
  }
  return {
    url,
    port,
    pid: child.pid!,
    logFile,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      // A clean shutdown closes the pool; a stuck one must not hold the bench.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
