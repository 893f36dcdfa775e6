/**
 * Phase c: every wall panel query over months of history (10 M complaints by default), from the rollups and
 * from the raw rows: p50/p95 of each, the speed-up, and proof the two answers are equal. The history goes in
 * with SQL straight into the app's real tables (monthly partitions, complaint_keys), the rollups are rebuilt
 * from the raw rows by the app's own rebuildRollups, and the statistics are fresh before anything is timed.
 */
import postgres from 'postgres';
import { openDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedReference } from '../db/seed/seed-reference';
import { ensureMonthlyPartitions } from '../lib/partitions/ensure-partitions';
import { PANEL_QUERIES } from '../tests/support/raw-queries/panel-queries';
import { rebuildRollups } from '../lib/rollups/rebuild-rollups';
import { moscowMidnight, type Reference } from './lib/complaints';
import { firstDifference } from './lib/compare';
import { phaseResult, type BenchContext } from './lib/context';
import { createLookups, dropLookups } from './lib/history-lookups';
import { loadHistory } from './lib/history-load';
import { timeBlockPanels } from './lib/block-panels';
import { createDatabase, dropDatabase } from './lib/pg';
import { figure, type PhaseResult } from './lib/report';
import { distribution, nowMs } from './lib/stats';

const ROLLUP_RUNS = 200;
const RAW_RUNS = 5;
const DAY = 86_400_000;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t0 = nowMs();
  const value = await work();
  return [nowMs() - t0, value];
}

export async function phasePanels(ctx: BenchContext): Promise<PhaseResult> {
  const rows = ctx.args.rows;
  const result = phaseResult(
    'panels',
    `c. Panel queries over ${rows.toLocaleString('en')} complaints: rollups vs raw`,
  );
  const databaseUrl = await createDatabase(ctx.pg, 'panels');
  const handle = await openDb({ databaseUrl, pgliteDir: 'memory://' });
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    let t = Date.now();
    const step = (label: string) => {
      const s = (Date.now() - t) / 1000;
      console.log(`  ${label}: ${s.toFixed(1)} s`);
      t = Date.now();
      return s;
    };
    await runMigrations(handle);
    await seedReference(handle.db);
    const ref: Reference = {
      categories:
        await sql`select code, block_code as block, deadline_hours as "deadlineHours" from categories order by code`,
      sources: await sql`select code from sources order by code`,
      municipalities: await sql`select oktmo as code from municipalities`,
    };
    // About 60 k a day (Nizhny Novgorod's volume) going back as far as the rows reach: 10 M ≈ 5½ months.
    const nowAt = Date.now();
    const days = Math.max(7, Math.round(rows / 60_000));
    const start = moscowMidnight(nowAt) - (days - 1) * DAY;
    const plan = {
      rows,
      days,
      start: new Date(start).toISOString(),
      now: new Date(nowAt).toISOString(),
      chunk: 500_000,
    };
    const now = new Date(nowAt);
    await ensureMonthlyPartitions(handle.db, new Date(start - DAY), now);
    const sizes = await createLookups(sql, ctx.root, ref);
    const setup = step('migrate, seed, partitions, lookups');
    console.log(
      `  loading ${rows.toLocaleString('en')} complaints over ${days} days (${plan.start.slice(0, 10)} … today) …`,
    );
    const { seconds: loadSeconds, fkChecked } = await loadHistory(databaseUrl, plan, sizes);
    await dropLookups(sql);
    step(`loaded (${Math.round(rows / loadSeconds).toLocaleString('en')} rows/s)`);
    await rebuildRollups(handle.db, now);
    const rollupSeconds = step('rebuildRollups');
    // Fresh statistics and visibility map: the raw baseline gets its best plans (index-only scans included).
    await sql.unsafe('vacuum (analyze)');
    const analyzeSeconds = step('vacuum (analyze)');

    const [{ total, open, overdue, partitions } = { total: 0, open: 0, overdue: 0, partitions: 0 }] =
      await sql<
        { total: number; open: number; overdue: number; partitions: number }[]
      >`select count(*)::int as total,
        (count(*) filter (where status in ('new','routed','in_progress','reopened')))::int as open,
        (count(*) filter (where status in ('new','routed','in_progress','reopened') and sla_state <> 'on_time'))::int as overdue,
        (select count(*)::int from pg_inherits where inhparent = 'complaints'::regclass) as partitions
      from complaints`;
    const [{ fks } = { fks: 0 }] = await sql<{ fks: number }[]>`
      select count(*)::int as fks from pg_constraint where conrelid = 'complaints'::regclass and contype = 'f'`;
    const [{ keys } = { keys: 0 }] = await sql<
      { keys: number }[]
    >`select count(*)::int as keys from complaint_keys`;
    const [{ size } = { size: '' }] = await sql<{ size: string }[]>`
      select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as size from pg_inherits where inhparent = 'complaints'::regclass`;
    step('counted');

    const perQuery: Record<string, unknown>[] = [];
    let mismatches = 0;
    for (const q of PANEL_QUERIES) {
      // Warm both paths once (plans, caches): the figures are for a running wall, not a cold start.
      await q.fromRollups(handle.db, now);
      await q.fromRaw(handle.db, now);
      const rollupMs: number[] = [];
      let rollupAnswer: unknown;
      for (let i = 0; i < ROLLUP_RUNS; i++)
        [rollupMs[i], rollupAnswer] = await timed(() => q.fromRollups(handle.db, now));
      const rawMs: number[] = [];
      let rawAnswer: unknown;
      for (let i = 0; i < RAW_RUNS; i++) [rawMs[i], rawAnswer] = await timed(() => q.fromRaw(handle.db, now));
      const r = distribution(rollupMs);
      const w = distribution(rawMs);
      const speedup = Math.round((w.p50 / r.p50) * 10) / 10;
      const difference = firstDifference(rollupAnswer, rawAnswer);
      if (difference) {
        mismatches++;
        console.log(`  !!!!!!!! MISMATCH in ${q.name}: ${difference}`);
        result.notes.push(`MISMATCH ${q.name}: ${difference}`);
      }
      console.log(
        `  ${q.name}: rollups p50 ${r.p50} ms p95 ${r.p95} ms; raw p50 ${w.p50} ms; ×${speedup}${difference ? '; MISMATCH' : ''}`,
      );
      result.figures.push(
        figure(`${q.name} rollups p95`, r.p95, 'ms', { op: '<', value: 20 }),
        figure(
          `${q.name} speed-up (raw p50 ${Math.round(w.p50)} ms / rollups p50 ${r.p50} ms)`,
          speedup,
          '×',
          { op: '>=', value: 100 },
        ),
      );
      perQuery.push({
        name: q.name,
        scope: q.scope,
        rollupsMs: r,
        rawMs: w,
        speedup,
        equal: !difference,
        difference,
      });
    }
    const blockPanels = await timeBlockPanels(handle.db, now);
    result.figures.push(...blockPanels.figures);
    result.figures.push(
      figure(
        'answers equal (rollups = raw)',
        `${PANEL_QUERIES.length - mismatches}/${PANEL_QUERIES.length}`,
        '',
        undefined,
      ),
      figure('queries with a MISMATCH', mismatches, '', { op: '=', value: 0 }),
      figure('history load rate', Math.round(rows / loadSeconds), 'rows/s'),
    );
    result.notes.push(
      `History: ${total.toLocaleString('en')} complaints (${keys.toLocaleString('en')} keys) over ${days} days in ${partitions} partitions, ${size}; open ${open.toLocaleString('en')} (${((open / Math.max(total, 1)) * 100).toFixed(1)}%), of them overdue ${overdue.toLocaleString('en')}. All ${ref.municipalities.length} municipalities (population-weighted places), ${ref.categories.length} categories, ${ref.sources.length} sources in the real mix; 3% without a location.`,
      `Times: setup ${setup.toFixed(0)} s, load ${loadSeconds.toFixed(0)} s (INSERT … SELECT generate_series, chunks of ${plan.chunk.toLocaleString('en')} on 2 connections, ${fks === 0 ? 'complaints has no foreign keys' : fkChecked ? 'foreign keys checked per row' : 'foreign-key triggers skipped: session_replication_role = replica'}), rebuildRollups ${rollupSeconds.toFixed(0)} s, VACUUM ANALYZE ${analyzeSeconds.toFixed(0)} s.`,
      `Each query: one warm-up call per path, then ${ROLLUP_RUNS} sequential calls from the rollups and ${RAW_RUNS} from the raw rows through the app's drizzle Db (postgres.js) with one fixed "now"; speed-up = raw p50 / rollups p50; equality = deep equal after sorting arrays.`,
    );
    result.details = {
      rows: total,
      keys,
      days,
      partitions,
      tableSize: size,
      open,
      overdue,
      seconds: { setup, load: loadSeconds, rebuildRollups: rollupSeconds, vacuumAnalyze: analyzeSeconds },
      queries: perQuery,
      blockPanels: { all: blockPanels.all, perBlock: blockPanels.perBlock },
    };
  } finally {
    await sql.end({ timeout: 5 });
    await handle.close();
    if (!ctx.args.keepDatabases) await dropDatabase(ctx.pg, databaseUrl).catch(() => {});
  }
  return result;
}
