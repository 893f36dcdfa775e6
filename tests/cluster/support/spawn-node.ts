/**
 * One node of the app as a real process: the production build (`.next`, built by `npm test` before this
 * stage), `node --import tsx server.ts` so the pid we hold is the server itself (a `kill -9` kills the node, not
 * a launcher), its own port, a shared DATABASE_URL. Resolves once the node logs `ready`.
 *
 * The first node on a fresh database provisions identities (tests/cluster/support/identities.json through
 * BOOTSTRAP_IDENTITIES_FILE) and then issues a source key through the API, so tests post intake as an
 * integration does and call admin routes as a person does.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { artifactsDir, freePort, repoRoot } from './paths';

/** What Prometheus would present: every node of a test gets it (METRICS_TOKEN). */
export const METRICS_TOKEN = 'cluster-tests-metrics-token-0123456789';

export interface ClusterSecrets {
  /** Personal token of the provisioned admin (`Authorization: Bearer`). */
  adminToken: string;
  operatorToken: string;
  /** A source key for `source` (dobrodel): what intake posts with. */
  sourceKey: string;
  source: string;
  /** A key for each of INTAKE_SOURCES: a test may post a second stream (one with a webhook, one without). */
  sourceKeys: Record<string, string>;
}

export interface NodeExit {
  code: number | null;
  signal: string | null;
}

export interface NodeProcess {
  nodeId: string;
  port: number;
  /** http://127.0.0.1:PORT, the node itself (not the balancer). */
  url: string;
  pid: number;
  /** Everything the node printed so far (stdout and stderr; pino JSON lines and plain console lines). */
  logs(): string;
  /** The current length of logs(): pass it to waitForLog to look only at what comes after. */
  mark(): number;
  /** The first complete log line at or after `since` that matches; rejects on timeout or exit. */
  waitForLog(re: RegExp, timeoutMs: number, since?: number): Promise<string>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<NodeExit>;
  exited: Promise<NodeExit>;
  /** Set when this node provisioned the identities (`bootstrap: true`). */
  secrets: ClusterSecrets | null;
}

export interface SpawnNodeOptions {
  databaseUrl: string;
  nodeId: string;
  port?: number;
  /** Added to (and overriding) the defaults below. */
  env?: Record<string, string>;
  /** Provision the identities and a source key: only on the first node of a fresh database. */
  bootstrap?: boolean;
  readyTimeoutMs?: number;
}

const IDENTITIES_FILE = path.join(repoRoot, 'tests', 'cluster', 'support', 'identities.json');
const INTAKE_SOURCES = ['dobrodel', 'incident'] as const;

const live = new Set<NodeProcess>();

/** SIGKILLs every node still running (afterAll's last resort, and on process exit). */
export function killAllNodes(): void {
  for (const node of live) node.kill('SIGKILL');
  live.clear();
}
process.once('exit', killAllNodes);

export async function spawnNode(options: SpawnNodeOptions): Promise<NodeProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(artifactsDir(), `${options.nodeId}-${port}.log`);
  const secretsFile = path.join(artifactsDir(), `secrets-${options.nodeId}-${port}.json`);
  rmSync(secretsFile, { force: true });

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    NODE_ID: options.nodeId,
    SIMULATOR: 'off',
    LOG_LEVEL: 'info',
    // Any port: the nodes are reached both directly and through the balancer's port.
    ALLOWED_HOSTS: '127.0.0.1,localhost',
    // The balancer runs on this machine: it may name the client in X-Forwarded-For.
    TRUSTED_PROXIES: '127.0.0.1',
    METRICS_TOKEN,
    // Tests measure what the cluster stores, not the per-identity limits (tests/integration cover those).
    RATE_LIMIT_USER_WRITES_PER_MINUTE: '0',
    RATE_LIMIT_SOURCE_WRITES_PER_MINUTE: '0',
    ...(options.bootstrap
      ? { BOOTSTRAP_IDENTITIES_FILE: IDENTITIES_FILE, BOOTSTRAP_SECRETS_FILE: secretsFile }
      : {}),
    ...options.env,
  };
  // A developer's embedded-database settings must not leak into a PostgreSQL node.
  delete env.PGLITE_DIR;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const file = createWriteStream(logFile);
  let text = '';
  const waiters = new Set<() => void>();
  const onChunk = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    file.write(chunk);
    for (const check of waiters) check();
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);

  let exitInfo: NodeExit | null = null;
  const exited = new Promise<NodeExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      file.end();
      live.delete(node);
      for (const check of waiters) check();
      resolve(exitInfo);
    });
  });

  const waitForLog = (re: RegExp, timeoutMs: number, since = 0): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                `${options.nodeId}: no log line ${re} within ${timeoutMs} ms; log ${logFile}:\n${tail(text)}`,
              ),
            ),
          ),
        timeoutMs,
      );
      const finish = (fn: () => void) => {
        waiters.delete(check);
        clearTimeout(timer);
        fn();
      };
      function check() {
        // Complete lines only: a pipe chunk may end mid-line.
        const upTo = text.lastIndexOf('\n') + 1;
        const line = text
          .slice(since, upTo)
          .split('\n')
          .find((l) => re.test(l));
        if (line !== undefined) return finish(() => resolve(line));
        if (exitInfo)
          finish(() =>
            reject(
              new Error(
                `${options.nodeId} exited (${exitInfo!.signal ?? exitInfo!.code}) without logging ${re}; log ${logFile}:\n${tail(text)}`,
              ),
            ),
          );
      }
      waiters.add(check);
      check();
    });

  const node: NodeProcess = {
    nodeId: options.nodeId,
    port,
    url,
    pid: child.pid!,
    logs: () => text,
    mark: () => text.length,
    waitForLog,
    kill: (signal = 'SIGKILL') => {
      if (!exitInfo) child.kill(signal);
    },
    stop: async (graceMs = 10_000) => {
      if (exitInfo) return exitInfo;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const info = await exited;
      clearTimeout(timer);
      return info;
    },
    exited,
    secrets: null,
  };
  live.add(node);

  try {
    await waitForLog(/"msg":"ready"/, options.readyTimeoutMs ?? 180_000);
    if (options.bootstrap) node.secrets = await provisionSecrets(url, secretsFile);
  } catch (error) {
    node.kill('SIGKILL');
    throw error;
  }
  return node;
}

function tail(text: string, lines = 25): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** The provisioned users' tokens (written by the node at start) and a source key issued by the admin. */
async function provisionSecrets(url: string, secretsFile: string): Promise<ClusterSecrets> {
  if (!existsSync(secretsFile))
    throw new Error(
      `${secretsFile} was not written: bootstrap provisions identities only on an empty users table (a fresh database)`,
    );
  const { users } = JSON.parse(readFileSync(secretsFile, 'utf8')) as {
    users: Record<string, { token: string }>;
  };
  const adminToken = users.admin?.token;
  const operatorToken = users.operator?.token;
  if (!adminToken || !operatorToken) throw new Error(`${secretsFile} lacks the admin or operator token`);
  const sourceKeys: Record<string, string> = {};
  for (const source of INTAKE_SOURCES) {
    const res = await fetch(`${url}/api/v1/source-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source, label: 'cluster tests' }),
    });
    if (res.status !== 201) throw new Error(`issuing a source key: HTTP ${res.status} ${await res.text()}`);
    sourceKeys[source] = ((await res.json()) as { key: string }).key;
  }
  const source = INTAKE_SOURCES[0];
  return { adminToken, operatorToken, sourceKey: sourceKeys[source]!, source, sourceKeys };
}
