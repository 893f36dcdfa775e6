import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPayload } from '@/app/api/v1/municipalities/[oktmo]/route';
import { GET as getComplaints } from '@/app/api/v1/municipalities/[oktmo]/complaints/route';
import type { BboxComplaints, DrillPayload } from '@/lib/drill/types';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import type { ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const BALASHIKHA = '46704000000';
const BASE = 'http://test.local/api/v1/municipalities';

let app: TestApp;

async function call<T>(
  handler: (r: Request, c: { params: Promise<{ oktmo: string }> }) => Promise<Response>,
  oktmo: string,
  path: string,
) {
  const res = await handler(await authedRequest(`${BASE}/${oktmo}${path}`), {
    params: Promise.resolve({ oktmo }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
  const [lat, lon] = TOWNS.balashikha;
  const now = Date.now();
  await recordComplaints(app.ctx, [
    aComplaint({ lat, lon, receivedAt: new Date(now - 60_000).toISOString() }),
    aComplaint({
      lat: lat + 0.002,
      lon,
      category: 'ecology.dump',
      text: 'Свалка мусора у гаражей, звоните +7 916 123-45-67',
      receivedAt: new Date(now - 120_000).toISOString(),
    }),
  ]);
});
afterAll(() => app.close());

describe('GET /api/v1/municipalities/{oktmo}', () => {
  it('answers the drill payload of all blocks and of one block', async () => {
    const all = await call<DrillPayload>(getPayload, BALASHIKHA, '');
    expect(all.status).toBe(200);
    expect(all.body.municipality.shortName).toBe('Балашиха');
    expect(all.body.block).toBeNull();
    expect(all.body.trend.days.at(-1)!.count).toBe(2);
    expect(all.body.cells.reduce((s, c) => s + c.open, 0)).toBe(2);
    const housing = await call<DrillPayload>(getPayload, BALASHIKHA, '?block=housing');
    expect(housing.status).toBe(200);
    expect(housing.body.block).toBe('housing');
    expect(housing.body.trend.days.at(-1)!.count).toBe(1);
  });

  it('refuses an unknown OKTMO and an unknown block with 404 naming the field', async () => {
    const unknown = await call<ErrorReply>(getPayload, '99999999999', '');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.errors).toEqual([
      { field: 'oktmo', message: 'is not an OKTMO code from /api/v1/reference' },
    ]);
    const block = await call<ErrorReply>(getPayload, BALASHIKHA, '?block=weather');
    expect(block.status).toBe(404);
    expect(block.body.error.errors![0]!.field).toBe('block');
  });
});

describe('GET /api/v1/municipalities/{oktmo}/complaints', () => {
  const [lat, lon] = TOWNS.balashikha;
  const bbox = [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01].join(',');

  it('answers the open complaints in the box with masked excerpts', async () => {
    const { status, body } = await call<BboxComplaints>(
      getComplaints,
      BALASHIKHA,
      `/complaints?bbox=${bbox}`,
    );
    expect(status).toBe(200);
    expect(body.truncated).toBe(false);
    expect(body.complaints).toHaveLength(2);
    const dump = body.complaints.find((c) => c.category === 'ecology.dump')!;
    expect(dump.excerpt).not.toContain('123-45-67');
    const housing = await call<BboxComplaints>(
      getComplaints,
      BALASHIKHA,
      `/complaints?bbox=${bbox}&block=housing`,
    );
    expect(housing.body.complaints.map((c) => c.block)).toEqual(['housing']);
  });

  it.each([
    ['missing', ''],
    ['not four numbers', '?bbox=37.9,55.7,38'],
    ['not numbers', '?bbox=a,b,c,d'],
    ['west east reversed', `?bbox=${lon + 0.01},${lat - 0.01},${lon - 0.01},${lat + 0.01}`],
    ['latitude out of range', '?bbox=37,89,38,91'],
    ['too wide', '?bbox=35,54,40,57'],
  ])('refuses a bad bbox (%s) with 400 naming the field', async (_name, query) => {
    const { status, body } = await call<ErrorReply>(getComplaints, BALASHIKHA, `/complaints${query}`);
    expect(status).toBe(400);
    expect(body.error.errors!.map((e) => e.field)).toContain('bbox');
  });

  it('refuses an unknown OKTMO with 404', async () => {
    const { status, body } = await call<ErrorReply>(getComplaints, '00000000000', `/complaints?bbox=${bbox}`);
    expect(status).toBe(404);
    expect(body.error.errors![0]!.field).toBe('oktmo');
  });
});
