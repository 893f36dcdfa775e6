import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordBacklogHour } from '@/lib/rollups/backlog-history';
import { ensureRollupHistory } from '@/lib/rollups/ensure-history';
import { aComplaint } from '../helpers/complaint-factory';
import { createTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const hoursRecorded = async (ctx: TestApp['ctx']) =>
  Number(
    rowsOf<{ n: number }>(
      await ctx.db.execute(sql`select count(distinct bucket)::int as n from rollup_open_hourly`),
    )[0]!.n,
  );

describe('the week-ago backlog record after a bulk load', () => {
  it('is reconstructed when the hourly copy has only written the current hour (it ran during the backfill)', async () => {
    app = await createTestApp();
    const { ctx } = app;
    const threeDaysAgo = new Date(ctx.now().getTime() - 3 * 24 * 3600_000).toISOString();
    await recordComplaints(ctx, [
      aComplaint({ receivedAt: threeDaysAgo }),
      aComplaint({ receivedAt: threeDaysAgo }),
    ]);
    // The SLA clock's first tick of the hour, during the load.
    await recordBacklogHour(ctx);
    expect(await hoursRecorded(ctx)).toBe(1);

    expect(await ensureRollupHistory(ctx)).toBe('backlog');
    // Every hour since the first complaint, the one recorded live kept as it was.
    expect(await hoursRecorded(ctx)).toBeGreaterThanOrEqual(72);
    expect(await ensureRollupHistory(ctx)).toBe('none');
  });
});
