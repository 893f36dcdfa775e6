/**
 * HAProxy from deploy/haproxy.cfg in front of the given nodes, in the foreground (`haproxy -db`), on a free
 * port. The repo's file is used as it is, with its `server` lines rewritten for the nodes given (any number,
 * each named and cookied by its node id, so `Cookie: CURNODE=<nodeId>` pins a client to that node through the
 * balancer) and its "${…}" placeholders filled from the environment.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { artifactsDir, freePort, repoRoot } from './paths';

const CONFIG = path.join(repoRoot, 'deploy', 'haproxy.cfg');
const SERVER_LINE = /^(\s*)server\s+\S+\s+"\$\{CUR_NODE\d+\}"/;

export interface BalancedNode {
  nodeId: string;
  port: number;
}

export interface Balancer {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  pid: number;
  /** HAProxy's request log and its alerts (a server going DOWN or UP). */
  logs(): string;
  mark(): number;
  waitForLog(re: RegExp, timeoutMs: number, since?: number): Promise<string>;
  stop(): Promise<void>;
}

/** Debian installs it in /usr/sbin, which an unprivileged PATH often lacks. */
const HAPROXY = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';

export async function haproxyAvailable(): Promise<boolean> {
  try {
    await promisify(execFile)(HAPROXY, ['-v']);
    return true;
  } catch {
    return false;
  }
}

/** deploy/haproxy.cfg with one `server` line per node in place of the file's own. */
export function renderConfig(nodes: BalancedNode[], source = readFileSync(CONFIG, 'utf8')): string {
  const lines = source.split('\n');
  const first = lines.findIndex((l) => SERVER_LINE.test(l));
  if (first < 0) throw new Error(`${CONFIG}: no 'server nK "\${CUR_NODEK}"' lines to fill`);
  const indent = SERVER_LINE.exec(lines[first]!)![1]!;
  const servers = nodes.map(
    (n, i) => `${indent}server ${n.nodeId} "\${CUR_NODE${i + 1}}" cookie ${n.nodeId}`,
  );
  const kept = lines.filter((l) => !SERVER_LINE.test(l));
  kept.splice(first, 0, ...servers);
  return kept.join('\n');
}

export async function startBalancer(
  nodes: BalancedNode[],
  options: { port?: number; publicHost?: string } = {},
): Promise<Balancer> {
  const port = options.port ?? (await freePort());
  const file = path.join(artifactsDir(), `haproxy-${port}.cfg`);
  writeFileSync(file, renderConfig(nodes));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CUR_LB_BIND: `127.0.0.1:${port}`,
    CUR_PUBLIC_HOST: options.publicHost ?? '127.0.0.1',
  };
  nodes.forEach((n, i) => (env[`CUR_NODE${i + 1}`] = `127.0.0.1:${n.port}`));

  const child = spawn(HAPROXY, ['-db', '-f', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters = new Set<() => void>();
  const onChunk = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const check of waiters) check();
  };
  child.stdout.on('data', onChunk);
  child.stderr.on('data', onChunk);
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      gone = true;
      writeFileSync(path.join(artifactsDir(), `haproxy-${port}.log`), text);
      for (const check of waiters) check();
      resolve();
    }),
  );
  process.once('exit', () => child.kill('SIGKILL'));

  const waitForLog = (re: RegExp, timeoutMs: number, since = 0): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`haproxy: no log line ${re} within ${timeoutMs} ms:\n${text.slice(-3000)}`));
      }, timeoutMs);
      function check() {
        const line = text
          .slice(since, text.lastIndexOf('\n') + 1)
          .split('\n')
          .find((l) => re.test(l));
        if (line === undefined && !gone) return;
        waiters.delete(check);
        clearTimeout(timer);
        if (line !== undefined) resolve(line);
        else reject(new Error(`haproxy exited without logging ${re}:\n${text.slice(-3000)}`));
      }
      waiters.add(check);
      check();
    });

  const url = `http://127.0.0.1:${port}`;
  // Listening and answering: any HTTP answer through it (a node's, or its own 503 while none is up yet).
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (gone) throw new Error(`haproxy exited at start:\n${text}`);
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`haproxy did not answer on ${url} within 10 s:\n${text}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  return {
    port,
    url,
    pid: child.pid!,
    logs: () => text,
    mark: () => text.length,
    waitForLog,
    stop: async () => {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
