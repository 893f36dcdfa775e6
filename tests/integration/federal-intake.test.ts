import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { aComplaint } from '../helpers/complaint-factory';
import { transitionTo } from '../helpers/lifecycle';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

/** Points in other regions: [lat, lon]. */
const KAZAN = [55.7963, 49.1088] as const;
const SEVASTOPOL = [44.6167, 33.5254] as const;
const SPB = [59.9386, 30.3141] as const;

let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

interface StoredRow {
  region_code: string;
  municipality_oktmo: string | null;
  executor_code: string | null;
  problem_id: string | number | null;
  status: string;
  block_code: string | null;
  h3_coarse: string | null;
}

async function stored(id: number): Promise<StoredRow> {
  return rowsOf<StoredRow>(
    await app.ctx.db
      .execute(sql`select region_code, municipality_oktmo, executor_code, problem_id, status, block_code,
      h3_coarse from complaints where id = ${id}`),
  )[0]!;
}

describe('intake with a region', () => {
  it('stores a foreign complaint with its region, held for its center: no municipality, executor or problem', async () => {
    const [lat, lon] = KAZAN;
    const reply = await api.postComplaints<IngestReply>({
      complaints: [
        aComplaint({
          region: 'RU-TA',
          lat,
          lon,
          text: 'Казань, ул. Баумана, 12: третий день нет горячей воды.',
        }),
        aComplaint({
          region: 'UA-40',
          lat: SEVASTOPOL[0],
          lon: SEVASTOPOL[1],
          category: 'transport.pothole',
        }),
        aComplaint({
          region: 'RU-TA',
          lat: undefined,
          lon: undefined,
          category: undefined,
          block: undefined,
        }),
      ],
    });
    expect(reply.status).toBe(200);
    const ids = reply.body.results.map((r) => r.id!);
    expect(reply.body.results.map((r) => r.status)).toEqual(['created', 'created', 'created']);
    const kazan = await stored(ids[0]!);
    expect(kazan).toMatchObject({
      region_code: 'RU-TA',
      municipality_oktmo: null,
      executor_code: null,
      status: 'new',
    });
    expect(kazan.problem_id).toBeNull();
    expect(kazan.block_code).toBe('housing');
    expect(kazan.h3_coarse).toBeNull();
    expect((await stored(ids[1]!)).region_code).toBe('UA-40');
    expect((await stored(ids[2]!)).region_code).toBe('RU-TA');
  });

  it('defaults to the home region and keeps the home behaviour (municipality, routing, problem)', async () => {
    const reply = await api.postComplaints<IngestReply>(aComplaint());
    expect(reply.status).toBe(200);
    const row = await stored(reply.body.results[0]!.id!);
    expect(row.region_code).toBe('RU-MOS');
    expect(row.municipality_oktmo).toMatch(/^\d{11}$/);
    expect(row.executor_code).not.toBeNull();
    expect(row.problem_id).not.toBeNull();
    const explicit = await api.postComplaints<IngestReply>(aComplaint({ region: 'RU-MOS' }));
    expect((await stored(explicit.body.results[0]!.id!)).municipality_oktmo).toMatch(/^\d{11}$/);
  });

  it('refuses an unknown region code with 400 naming complaints[i].region, storing nothing', async () => {
    const before = await count();
    const reply = await api.postComplaints<ErrorReply>({
      complaints: [
        aComplaint({ region: 'RU-TA', lat: KAZAN[0], lon: KAZAN[1] }),
        aComplaint({ region: 'RU-XYZ' }),
      ],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_region');
    expect(reply.body.error.errors).toHaveLength(1);
    expect(reply.body.error.errors![0]!.field).toBe('complaints[1].region');
    expect(reply.body.error.errors![0]!.message).toMatch(/unknown region code "RU-XYZ"/);
    expect(await count()).toBe(before);

    const lone = await api.postComplaints<ErrorReply>(aComplaint({ region: 'Moscow' }));
    expect(lone.status).toBe(400);
    expect(lone.body.error.errors![0]!.field).toBe('region');
    const typed = await api.postComplaints<ErrorReply>({ ...aComplaint(), region: 77 });
    expect(typed.status).toBe(400);
    expect(typed.body.error.errors![0]).toMatchObject({
      field: 'region',
      message: expect.stringMatching(/must be a string/),
    });
  });

  it('refuses a foreign point outside its region with 400 naming the field and where the point lies', async () => {
    const reply = await api.postComplaints<ErrorReply>({
      complaints: [aComplaint({ region: 'RU-TA', lat: SPB[0], lon: SPB[1] })],
    });
    expect(reply.status).toBe(400);
    const [error] = reply.body.error.errors!;
    expect(error!.field).toBe('complaints[0].lat');
    expect(error!.message).toMatch(/outside RU-TA \(Республика Татарстан\): it lies in RU-SPE/);
  });

  it('also rejects such items on the internal intake path (simulator, importers) with the field', async () => {
    const [result] = await recordComplaints(app.ctx, [aComplaint({ region: 'RU-XX' })]);
    expect(result!.status).toBe('rejected');
    expect(result!.errors![0]!.field).toBe('region');
  });

  it('lets the foreign center move its complaint on without an executor, but refuses our routing and classification', async () => {
    const reply = await api.postComplaints<IngestReply>(
      aComplaint({
        region: 'RU-TA',
        lat: KAZAN[0],
        lon: KAZAN[1],
        category: undefined,
        block: undefined,
        text: 'Просто сообщение',
      }),
    );
    const id = reply.body.results[0]!.id!;
    const [moved] = await recordTransitions(app.ctx, [transitionTo(id, 'in_progress')]);
    expect(moved!.status).toBe('applied');
    const classified = await api.postClassification<ErrorReply>(id, { category: 'housing.no-hot-water' });
    expect(classified.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(classified.body)).toMatch(/belongs to the center of region RU-TA/);
    const [resolved] = await recordTransitions(app.ctx, [transitionTo(id, 'resolved')]);
    expect(resolved!.status).toBe('applied');
  });
});

async function count(): Promise<number> {
  return Number(
    rowsOf<{ n: string | number }>(await app.ctx.db.execute(sql`select count(*) as n from complaints`))[0]!.n,
  );
}
