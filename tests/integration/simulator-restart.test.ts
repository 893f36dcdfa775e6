import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { createApp, type DatabaseApp } from '@/lib/app/create-app';
import { ALL } from '@/lib/domain/scope';
import { createSimulator, type SimulatorOptions } from '@/lib/simulator';
import { testDatabase, TEST_DB } from '../helpers/test-context';

const HOUR = 3600_000;
/** A Tuesday, 09:30 in Moscow: the restart comes half an hour later, at the start of the 10:00 hour. */
const FIRST_START = new Date('2026-11-24T09:30:00+03:00');
const RESTART = new Date(FIRST_START.getTime() + 30 * 60_000);
/** Simulated seconds per real second while the live stream runs: the hour takes about 20 s. */
const SPEED = 180;

const SIMULATOR: SimulatorOptions = {
  // 25,200 a week: ~240 complaints in a weekday 10:00 hour, so Poisson noise (±7 %) leaves the ±30 % band
  // to the model; the issue measured the live stream at 14× the history's hour.
  ratePerSecond: 150 / 3600,
  // Eight days: the hour a week before the restart's hour is in the backfilled history.
  backfillWeeks: 8 / 7,
  federal: false,
  maxCatchUpMs: 10 * 60_000,
};

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** Complaints received in the hour starting at `hour`, from the rollup the wall's counters read. */
async function receivedInHour(app: DatabaseApp, hour: Date): Promise<number> {
  const [row] = rowsOf<{ n: number | null }>(
    await app.ctx.db.execute(sql`
      select sum(n)::int as n from rollup_hourly_scope
      where municipality_oktmo = ${ALL} and block_code = ${ALL} and bucket = ${hour.toISOString()}::timestamptz`),
  );
  return Number(row?.n ?? 0);
}

describe('the simulator after a restart', () => {
  it('streams the live hour within ±30 % of the same hour a week ago, with the gap since the last run filled', async () => {
    const { database: fresh, drop } = await testDatabase();
    // A restart needs a database that outlives the first app: a folder for PGlite.
    const dir = TEST_DB === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'sim-restart-')) : null;
    const database = dir ? { pgliteDir: dir } : fresh;
    cleanup.push(async () => {
      await drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    // First run: the history up to 09:30.
    const first = await createApp({ database, now: () => FIRST_START, hubs: false });
    const before = createSimulator(first.ctx, { ...SIMULATOR, seed: 5 });
    expect((await before.backfill())?.kind).toBe('history');
    await first.ensureHistory();
    await before.stop();
    await first.close();

    // The restart at 10:00: the half hour since the last message is filled, then the live stream runs an hour on
    // an accelerated clock.
    let liveSince: number | null = null;
    const clock = () =>
      new Date(RESTART.getTime() + (liveSince === null ? 0 : (performance.now() - liveSince) * SPEED));
    const second = await createApp({ database, now: clock, hubs: false });
    let simulator: ReturnType<typeof createSimulator> | null = null;
    cleanup.push(async () => {
      await simulator?.stop();
      await second.close();
    });
    simulator = createSimulator(second.ctx, { ...SIMULATOR, seed: 6 });
    const gap = await simulator.backfill();
    expect(gap?.kind).toBe('gap');
    expect(gap!.created).toBeGreaterThan(20);
    // The gap crossed 10:00, an hour no SLA clock recorded: its backlog record is reconstructed for the replay.
    const [recorded] = rowsOf<{ n: number }>(
      await second.ctx.db.execute(sql`
        select count(*)::int as n from rollup_open_hourly
        where municipality_oktmo = ${ALL} and block_code = ${ALL} and bucket = ${RESTART.toISOString()}::timestamptz`),
    );
    expect(recorded!.n).toBe(1);
    liveSince = performance.now();
    simulator.start();
    await expect
      .poll(() => clock().getTime(), { timeout: 120_000, interval: 500 })
      .toBeGreaterThan(RESTART.getTime() + HOUR + 5 * 60_000);
    await simulator.stop();

    const live = await receivedInHour(second, RESTART);
    const weekAgo = await receivedInHour(second, new Date(RESTART.getTime() - 7 * 24 * HOUR));
    const halfHourBefore = await receivedInHour(second, new Date(RESTART.getTime() - HOUR));
    expect(weekAgo).toBeGreaterThan(150);
    expect(live / weekAgo).toBeGreaterThan(0.7);
    expect(live / weekAgo).toBeLessThan(1.3);
    // The 09:00 hour has both halves (the first run's history and the restart's gap filling): no hole.
    const weekAgoBefore = await receivedInHour(second, new Date(RESTART.getTime() - HOUR - 7 * 24 * HOUR));
    expect(halfHourBefore / weekAgoBefore).toBeGreaterThan(0.7);
    expect(halfHourBefore / weekAgoBefore).toBeLessThan(1.3);

    // Outages make problems with dozens of voices: the biggest problems of the history are incidents.
    const [biggest] = rowsOf<{ n: number; problems: number; complaints: number }>(
      await second.ctx.db.execute(sql`
        select max(n)::int as n, count(*)::int as problems, sum(n)::int as complaints from (
          select problem_id, count(*) as n from complaints
          where region_code = 'RU-MOS' and problem_id is not null group by problem_id) p`),
    );
    expect(biggest!.n).toBeGreaterThanOrEqual(20);
    expect(biggest!.problems / biggest!.complaints).toBeLessThan(0.9);
  }, 400_000);
});
