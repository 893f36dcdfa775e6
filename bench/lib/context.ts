/** What every phase gets from the orchestrator, and the per-phase database + server lifecycle. */
import { provisionBenchToken } from './identity';
import type { PgTarget } from './pg';
import { createDatabase, dropDatabase } from './pg';
import type { PhaseResult } from './report';
import { startServer, type RunningServer } from './server';

export const PHASES = [
  'ingest',
  'latency',
  'panels',
  'fanout',
  'bytes',
  'masker',
  'cluster-ingest',
  'failover',
  'cluster-fanout',
] as const;
export type PhaseName = (typeof PHASES)[number];

export interface BenchArgs {
  only: PhaseName[];
  /** Rows of history for the panel phase. */
  rows: number;
  /** Scales the timed windows (1 = the full run; 0.2 for a dry run). */
  timeScale: number;
  clients: number;
  /** Requests in flight in the ingest phase. */
  concurrency: number;
  build: 'auto' | 'always' | 'never';
  keepDatabases: boolean;
}

export interface BenchContext {
  root: string;
  pg: PgTarget;
  args: BenchArgs;
  /** Distinguishes this run's externalIds from any other run's. */
  runTag: string;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    only: [...PHASES],
    rows: 10_000_000,
    timeScale: 1,
    clients: 500,
    concurrency: 6,
    build: 'auto',
    keepDatabases: false,
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=', 2) as [string, string?];
    const num = () => {
      const n = Number(value.replace(/_/g, ''));
      if (!Number.isFinite(n) || n <= 0)
        throw new Error(`--${key}: expected a positive number, got "${value}"`);
      return n;
    };
    if (key === 'only') {
      const names = value.split(',').filter(Boolean);
      for (const n of names)
        if (!(PHASES as readonly string[]).includes(n))
          throw new Error(`--only: unknown phase "${n}" (phases: ${PHASES.join(', ')})`);
      args.only = names as PhaseName[];
    } else if (key === 'rows') args.rows = Math.round(num());
    else if (key === 'time-scale') args.timeScale = num();
    else if (key === 'clients') args.clients = Math.round(num());
    else if (key === 'concurrency') args.concurrency = Math.round(num());
    else if (key === 'build' && ['auto', 'always', 'never'].includes(value))
      args.build = value as BenchArgs['build'];
    else if (key === 'keep-databases') args.keepDatabases = true;
    else
      throw new Error(
        `unknown argument "${arg}"; use --only=${PHASES.join(',')} --rows=N --time-scale=X --clients=N --concurrency=N --build=auto|always|never --keep-databases`,
      );
  }
  return args;
}

/** Seconds of a timed window, scaled for dry runs but never below a floor that still gives a figure. */
export function scaled(ctx: BenchContext, seconds: number, floor = 3): number {
  return Math.max(floor, seconds * ctx.args.timeScale) * 1000;
}

/** Runs `work` against a fresh database and a fresh server; both are gone afterwards, whatever happens. */
export async function withServer<T>(
  ctx: BenchContext,
  phase: PhaseName,
  work: (server: RunningServer, databaseUrl: string) => Promise<T>,
): Promise<T> {
  const databaseUrl = await createDatabase(ctx.pg, phase);
  try {
    await provisionBenchToken(databaseUrl);
    // The bench measures throughput: the per-identity write limit (a person's 240 a minute) is off, as the
    // per-address one is for loopback.
    const server = await startServer(ctx.root, databaseUrl, phase, {
      RATE_LIMIT_USER_WRITES_PER_MINUTE: '0',
    });
    try {
      return await work(server, databaseUrl);
    } finally {
      await server.stop();
    }
  } finally {
    if (!ctx.args.keepDatabases) await dropDatabase(ctx.pg, databaseUrl).catch(() => {});
  }
}

/** An empty result; the orchestrator fills in the elapsed time. */
export function phaseResult(phase: PhaseName, title: string): PhaseResult {
  return {
    phase,
    title,
    elapsedSeconds: 0,
    figures: [],
    notes: [],
    details: {},
  };
}
