import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaints } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { ensureMonthlyPartitions } from '@/lib/partitions/ensure-partitions';
import { aComplaint } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import { api } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;

beforeAll(async () => {
  app = await createRegisteredTestApp({ maxQueuedWrites: 50 });
});
afterAll(() => app.close());

const stored = async () => (await app.ctx.db.select({ n: count() }).from(complaints))[0]!.n;

describe('backpressure', () => {
  it('answers 503 with Retry-After while the writer is behind, stores nothing of that batch, loses nothing acknowledged', async () => {
    let release!: () => void;
    const busy = app.ctx.writer.run(0, () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = recordComplaints(
      app.ctx,
      Array.from({ length: 40 }, () => aComplaint()),
    );
    const before = await stored();

    const refused = await api.postComplaints<{ error: { code: string } }>({
      complaints: Array.from({ length: 20 }, () => aComplaint()),
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('overloaded');

    release();
    await busy;
    const accepted = await waiting;
    expect(accepted.every((r) => r.status === 'created')).toBe(true);
    expect(await stored()).toBe(before + 40);
  });

  it('refuses nothing while the load stays under the limit, round after round of merged writes', async () => {
    const submitter = async () => {
      for (let round = 0; round < 5; round += 1)
        await recordComplaints(
          app.ctx,
          Array.from({ length: 8 }, () => aComplaint()),
        );
    };
    // 6 × 8 = 48 rows in flight at most, under the limit of 50: every request must be taken.
    await expect(Promise.all(Array.from({ length: 6 }, submitter))).resolves.toHaveLength(6);
  });

  it('sets the Retry-After header', async () => {
    let release!: () => void;
    const busy = app.ctx.writer.run(0, () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = recordComplaints(
      app.ctx,
      Array.from({ length: 45 }, () => aComplaint()),
    );
    const { POST } = await import('@/app/api/v1/complaints/route');
    const response = await POST(
      await authedRequest('http://test.local/api/v1/complaints', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          complaints: [aComplaint(), aComplaint(), aComplaint(), aComplaint(), aComplaint(), aComplaint()],
        }),
      }),
    );
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    release();
    await busy;
    await waiting;
  });
});

describe('monthly partitions', () => {
  it('stores each month in its own partition and nothing in the default one', async () => {
    const results = await recordComplaints(app.ctx, [
      aComplaint({ receivedAt: '2024-03-15T12:00:00+03:00' }),
      aComplaint({ receivedAt: '2025-07-01T00:30:00+03:00' }),
      aComplaint(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    const partitions = rowsOf<{ name: string }>(
      await app.ctx.db
        .execute(sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent where p.relname = 'complaints' order by 1`),
    ).map((r) => r.name);
    // 2025-07-01 00:30 Moscow is 2025-06-30 21:30 UTC: partitions follow UTC months.
    expect(partitions).toEqual(
      expect.arrayContaining(['complaints_default', 'complaints_y2024m03', 'complaints_y2025m06']),
    );
    const [inDefault] = rowsOf<{ n: string | number }>(
      await app.ctx.db.execute(sql`select count(*) as n from complaints_default`),
    );
    expect(Number(inDefault!.n)).toBe(0);
  });
});

describe('partition creation under concurrency', () => {
  it('creates a new month once when several writers need it at the same time, and tolerates one made elsewhere', async () => {
    const month = new Date('2022-03-15T12:00:00Z');
    await Promise.all([1, 2, 3].map(() => ensureMonthlyPartitions(app.ctx.db, month, month)));
    // Another process created April already: `if not exists` or the duplicate error must both be harmless.
    await app.ctx.db.execute(
      sql.raw(
        `create table if not exists complaints_y2022m04 partition of complaints for values from ('2022-04-01T00:00:00.000Z') to ('2022-05-01T00:00:00.000Z')`,
      ),
    );
    await ensureMonthlyPartitions(
      app.ctx.db,
      new Date('2022-04-10T00:00:00Z'),
      new Date('2022-04-10T00:00:00Z'),
    );
    const names = rowsOf<{ relname: string }>(
      await app.ctx.db.execute(
        sql`select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'complaints' and c.relname in ('complaints_y2022m03', 'complaints_y2022m04')`,
      ),
    ).map((r) => r.relname);
    expect(names.sort()).toEqual(['complaints_y2022m03', 'complaints_y2022m04']);
  });
});
