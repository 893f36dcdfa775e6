/**
 * `npm test`: every test on a fresh machine, ending with one plain line `N passed, N failed` summed
 * over all runners (CI reads that line; vitest's and Playwright's own summaries are not in that form).
 *
 *   1. scripts/ensure-system-deps.sh (chromium, postgresql, fonts)
 *   2. vitest on PGlite          (TEST_DB=pglite)
 *   3. vitest on PostgreSQL      (TEST_DB=postgres, TEST_DATABASE_URL from the env or a throwaway server)
 *   4. npm run build + Playwright against the production build
 *   5. the process-level stage (vitest.cluster.config.ts, tests/cluster/): real nodes on that same build, a
 *      throwaway PostgreSQL per file, HAProxy (deploy/haproxy.cfg)
 *
 * Counts come from each runner's JSON report under test-results/, while the human-readable reporter
 * streams to the console. A runner that exits non-zero without reporting a failed test (crash, load
 * error, unhandled error, build failure) counts as one failure, so the total can never hide it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crashed, playwrightCounts, settle, vitestCounts, zero, type Counts } from './test-reports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'test-results');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

// ---------------------------------------------------------------------------------------------
// Child processes and interruption

let child: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
let pgDir: string | undefined;

/** Stops the throwaway server; synchronous so it also works from the 'exit' handler. */
function stopThrowawayPg(): void {
  if (!pgDir) return;
  const dir = pgDir;
  pgDir = undefined;
  spawnSync('bash', [path.join(root, 'scripts/pg-throwaway.sh'), 'stop', dir], { stdio: 'inherit' });
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = signal;
  console.error(`\ntest-all: ${signal}, stopping the current runner`);
  const current = child;
  if (current?.pid === undefined) return;
  // SIGINT is every runner's graceful path (Playwright then stops its web server too).
  current.kill('SIGINT');
  const pid = current.pid;
  setTimeout(() => killGroup(pid, 'SIGKILL'), 20_000).unref();
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
process.on('exit', stopThrowawayPg);

/**
 * Runs a command with inherited stdio; resolves its exit code (128 + n for a signal).
 * Detached, i.e. its own process group, so a terminal Ctrl-C reaches only us and the child gets one
 * forwarded SIGINT: a second one makes vitest and Playwright skip their cleanup.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (interrupted) return Promise.resolve(130);
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const proc = spawn(command, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    child = proc;
    proc.on('error', (err) => {
      console.error(`test-all: could not start ${command}: ${err.message}`);
      child = undefined;
      resolve(127);
    });
    proc.on('exit', (code, signal) => {
      child = undefined;
      // An interrupted runner can leave workers behind in its group (vitest forks mid-test).
      if (interrupted && proc.pid !== undefined) killGroup(proc.pid, 'SIGKILL');
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** Environment shared by all runners. DATABASE_URL is dropped so a developer's setting never leaks in. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.DATABASE_URL;
  return env;
}

// ---------------------------------------------------------------------------------------------
// Runners

async function vitestPass(label: string, env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<Counts> {
  const report = path.join(resultsDir, `vitest-${label}.json`);
  rmSync(report, { force: true });
  const code = await run(
    bin('vitest'),
    ['run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  return settle(vitestCounts(report, root), code, `vitest (${label})`);
}

function runPglitePass(): Promise<Counts> {
  const env = baseEnv({ TEST_DB: 'pglite' });
  delete env.TEST_DATABASE_URL;
  return vitestPass('pglite', env);
}

/** Starts scripts/pg-throwaway.sh and parses its KEY=VALUE lines; logs pass through to stderr. */
function startThrowawayPg(): Promise<string | undefined> {
  if (interrupted) return Promise.resolve(undefined);
  console.log('\n$ bash scripts/pg-throwaway.sh start');
  return new Promise((resolve) => {
    const proc = spawn('bash', [path.join(root, 'scripts/pg-throwaway.sh'), 'start'], {
      cwd: root,
      // Its watcher stops the server if we die without running our cleanup (SIGKILL, OOM).
      env: { ...process.env, PG_THROWAWAY_OWNER: String(process.pid) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', () => resolve(undefined));
    proc.on('exit', (code) => {
      const vars = Object.fromEntries(
        out
          .split('\n')
          .map((line) => line.match(/^([A-Z_]+)=(.*)$/))
          .filter((m): m is RegExpMatchArray => m !== null)
          .map((m) => [m[1], m[2]]),
      );
      if (vars.PG_THROWAWAY_DIR) pgDir = vars.PG_THROWAWAY_DIR;
      resolve(code === 0 ? vars.TEST_DATABASE_URL : undefined);
    });
  });
}

async function runPostgresPass(): Promise<Counts> {
  let url = process.env.TEST_DATABASE_URL;
  if (url) {
    console.log('\ntest-all: using TEST_DATABASE_URL from the environment');
  } else {
    url = await startThrowawayPg();
  }
  if (!url) {
    // No silent pass: without a server this pass proved nothing.
    return crashed(
      'no PostgreSQL available (set TEST_DATABASE_URL, or run as root so scripts/ensure-system-deps.sh can ' +
        'install postgresql and scripts/pg-throwaway.sh can start it): counted as 1 failure',
    );
  }
  try {
    return await vitestPass('postgres', baseEnv({ TEST_DB: 'postgres', TEST_DATABASE_URL: url }));
  } finally {
    stopThrowawayPg();
  }
}

/** `preferred` if nothing listens there (a developer's server often does), else any free port. */
function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number): Promise<number | undefined> =>
    new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(undefined));
      probe.listen(port, '127.0.0.1', () => {
        const address = probe.address();
        const actual = typeof address === 'object' && address ? address.port : undefined;
        probe.close(() => resolve(actual));
      });
    });
  return tryListen(preferred).then(async (port) => port ?? (await tryListen(0)) ?? preferred);
}

/** Mirrors Playwright's default testMatch, so "no files" here means "no tests" there. */
function hasE2eFiles(): boolean {
  const dir = path.join(root, 'tests/e2e');
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) =>
    /\.(spec|test)\.[cm]?[jt]sx?$/.test(f),
  );
}

/** The one production build of the run, shared by Playwright and the cluster stage; its exit code once made. */
let buildCode: number | undefined;

async function build(): Promise<number> {
  // `npm run build` rather than `next build`, so a prebuild script (if the app adds one) runs too.
  // A test build: the browser tests' map probes exist only where NEXT_PUBLIC_TEST_HOOKS=1 (components/map/test-probes.ts).
  buildCode ??= await run('npm', ['run', 'build'], baseEnv({ NEXT_PUBLIC_TEST_HOOKS: '1' }));
  return buildCode;
}

async function runPlaywright(): Promise<Counts> {
  if (!hasE2eFiles()) return zero('no test files in tests/e2e: skipped Playwright');
  const built = await build();
  if (built !== 0)
    return crashed(`npm run build exited with code ${built}: Playwright not run, counted as 1 failure`);

  const report = path.join(resultsDir, 'playwright.json');
  rmSync(report, { force: true });
  mkdirSync(path.join(root, 'tests/artifacts'), { recursive: true });
  const port = process.env.E2E_PORT ?? String(await freePort(3210));
  const env = baseEnv({ PLAYWRIGHT_JSON_OUTPUT_FILE: report, E2E_PORT: port });
  const code = await run(bin('playwright'), ['test', '--reporter=list,json', '--pass-with-no-tests'], env);
  return settle(playwrightCounts(report), code, 'playwright');
}

function hasClusterFiles(): boolean {
  const dir = path.join(root, 'tests/cluster');
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => /\.test\.ts$/.test(f));
}

/** What the cluster stage needs besides the build; the missing ones named, so the failure says why. */
function missingClusterTools(): string[] {
  const has = (script: string) => spawnSync('bash', ['-c', script], { stdio: 'ignore' }).status === 0;
  const missing: string[] = [];
  if (!has("compgen -G '/usr/lib/postgresql/*/bin/initdb' || command -v initdb")) missing.push('PostgreSQL');
  if (!has('command -v haproxy || test -x /usr/sbin/haproxy')) missing.push('HAProxy');
  return missing;
}

async function runClusterPass(): Promise<Counts> {
  if (!hasClusterFiles()) return zero('no test files in tests/cluster: skipped');
  const missing = missingClusterTools();
  if (missing.length > 0)
    // No silent pass: the several-node guarantees were not checked.
    return crashed(
      `${missing.join(' and ')} not installed (run scripts/ensure-system-deps.sh as root): cluster tests not run, counted as 1 failure`,
    );
  // Playwright's build when it ran; else (no e2e files) this stage builds.
  const built = await build();
  if (built !== 0)
    return crashed(`npm run build exited with code ${built}: cluster tests not run, counted as 1 failure`);
  return vitestPass('cluster', baseEnv({}), ['--config', 'vitest.cluster.config.ts']);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  mkdirSync(resultsDir, { recursive: true });

  const depsCode = await run('bash', [path.join(root, 'scripts/ensure-system-deps.sh')], process.env);
  if (depsCode !== 0)
    console.error('test-all: system dependencies incomplete (see above); runners that need them will fail');

  const results: Array<[string, Counts]> = [];
  // .ci/run runs `npm run check` first and tells us when it failed, so the closing line counts it.
  if (process.env.CI_CHECK_FAILED === '1')
    results.push([
      'npm run check',
      crashed('typecheck, lint, boundaries, unused exports or format failed (see above)'),
    ]);
  results.push(['vitest (PGlite)', await runPglitePass()]);
  results.push(['vitest (PostgreSQL)', await runPostgresPass()]);
  results.push(['playwright (e2e)', await runPlaywright()]);
  results.push(['cluster (processes)', await runClusterPass()]);

  const total = zero();
  console.log('\n──────── test summary ────────');
  for (const [name, c] of results) {
    console.log(`${`${name}:`.padEnd(22)} ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
    for (const note of c.notes) console.log(`${''.padEnd(22)} - ${note}`);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  if (interrupted) {
    console.log(`interrupted by ${interrupted}: counted as 1 failure`);
    total.failed += 1;
  }
  if (total.skipped > 0) console.log(`${total.skipped} skipped in total`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  if (interrupted) return 130;
  return total.failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    stopThrowawayPg();
    process.exit(code);
  },
  (err: unknown) => {
    console.error('test-all: crashed:', err);
    stopThrowawayPg();
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
