/**
 * `npm run bench [-- --only=ingest,latency,panels,fanout,bytes,masker,cluster-ingest,failover,cluster-fanout] [--rows=N]
 * [--time-scale=X]`: measures the
 * app against real PostgreSQL (the masker phase needs neither database nor server), prints a table per phase with each figure next to its target, and writes
 * bench/results/<time>.json and bench/results/latest.json. Missing a target is a finding, not a failure: the
 * exit code is non-zero only when the bench itself could not measure.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type BenchContext, type PhaseName } from './lib/context';
import { openPgTarget, type PgTarget } from './lib/pg';
import { machineInfo, renderPhase, writeResults, type PhaseResult } from './lib/report';
import { ensureBuild, killAllServers } from './lib/server';
import { phaseBytes } from './phase-bytes';
import { phaseClusterFanout } from './phase-cluster-fanout';
import { phaseClusterIngest } from './phase-cluster-ingest';
import { phaseFailover } from './phase-failover';
import { phaseFanout } from './phase-fanout';
import { phaseIngest } from './phase-ingest';
import { phaseLatency } from './phase-latency';
import { phaseMasker } from './phase-masker';
import { phasePanels } from './phase-panels';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const RUNNERS: Record<PhaseName, (ctx: BenchContext) => Promise<PhaseResult>> = {
  ingest: phaseIngest,
  latency: phaseLatency,
  panels: phasePanels,
  fanout: phaseFanout,
  bytes: phaseBytes,
  masker: () => phaseMasker(),
  'cluster-ingest': phaseClusterIngest,
  failover: phaseFailover,
  'cluster-fanout': phaseClusterFanout,
};

/** Phases that run in this process alone: no PostgreSQL is started for a run of only these. */
const LOCAL_PHASES: readonly PhaseName[] = ['masker'];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  // The app resolves its data files (boundaries, migrations) from the working directory.
  process.chdir(ROOT);
  const startedAt = new Date();
  const t0 = Date.now();
  console.log(
    `bench: phases ${args.only.join(', ')}; history rows ${args.rows.toLocaleString('en')}; time scale ${args.timeScale}`,
  );

  let pg: PgTarget | null = null;
  const stop = async () => {
    killAllServers();
    await pg?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping servers …`);
      void stop().finally(() => process.exit(130));
    });

  const results: PhaseResult[] = [];
  let failed = false;
  try {
    const needsPg = args.only.some((p) => !LOCAL_PHASES.includes(p));
    if (needsPg) {
      pg = await openPgTarget(ROOT, process.env.DATABASE_URL || undefined);
      console.log(
        `bench: PostgreSQL ${pg.version} (${pg.throwawayDir ? 'throwaway server' : 'DATABASE_URL'})`,
      );
    }
    const needsServer = args.only.some((p) => p !== 'panels' && !LOCAL_PHASES.includes(p));
    const buildId = needsServer ? ensureBuild(ROOT, args.build) : null;
    // Only the local phases run without a database, and they never read it.
    const ctx = { root: ROOT, pg, args, runTag: `bench${t0.toString(36)}` } as BenchContext;
    for (const phase of args.only) {
      const phaseStart = Date.now();
      console.log(`\n-- phase ${phase} --`);
      let result: PhaseResult;
      try {
        result = await RUNNERS[phase](ctx);
      } catch (error) {
        // One broken phase must not cost the others' figures; it still fails the run.
        failed = true;
        console.error(error);
        killAllServers();
        result = {
          phase,
          title: `${phase} (failed)`,
          elapsedSeconds: 0,
          figures: [],
          notes: [],
          details: {},
          error: error instanceof Error ? error.message.split('\n')[0]! : String(error),
        };
      }
      result.elapsedSeconds = (Date.now() - phaseStart) / 1000;
      results.push(result);
      console.log(renderPhase(result));
    }

    const doc = {
      timestamp: startedAt.toISOString(),
      elapsedSeconds: Math.round((Date.now() - t0) / 1000),
      machine: machineInfo(pg?.version ?? 'not started'),
      buildId,
      args,
      database: !pg
        ? 'none'
        : pg.throwawayDir
          ? 'throwaway (scripts/pg-throwaway.sh: fsync=off, synchronous_commit=off)'
          : 'DATABASE_URL',
      phases: results,
    };
    const file = writeResults(ROOT, doc, startedAt);
    console.log(`\n==== summary (${doc.elapsedSeconds} s) ====`);
    for (const r of results) console.log(renderPhase(r));
    const misses = results.flatMap((r) =>
      r.figures.filter((f) => f.verdict === 'MISS').map((f) => `${r.phase}: ${f.label}`),
    );
    console.log(
      `\nmachine: ${doc.machine.nproc} cores, ${doc.machine.totalMemoryGiB} GiB, Node ${doc.machine.node}, PostgreSQL ${doc.machine.postgres}`,
    );
    console.log(`targets missed: ${misses.length === 0 ? 'none' : misses.join('; ')}`);
    console.log(`results: ${path.relative(ROOT, file)} (and bench/results/latest.json)`);
  } catch (error) {
    failed = true;
    console.error('bench failed:', error);
  } finally {
    await stop();
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
