import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import type { BlockPanel } from '@/lib/panels/types';
import { aComplaint } from '../helpers/complaint-factory';
import { api, type ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;

beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

describe('GET /api/v1/blocks/{block}/panel', () => {
  it('answers the panel of a block, with every municipality and the newest complaints counted', async () => {
    const now = new Date().toISOString();
    await recordComplaints(app.ctx, [aComplaint({ receivedAt: now }), aComplaint({ receivedAt: now })]);
    const { status, body } = await api.blockPanel<BlockPanel>('housing');
    expect(status).toBe(200);
    expect(body.block).toBe('housing');
    expect(body.territories).toHaveLength(57);
    expect(body.territories.find((t) => t.oktmo === '46704000000')!.daily.at(-1)).toBe(2);
    expect(body.week.days).toHaveLength(7);
  });

  it('refuses an unknown block with 404 naming the field', async () => {
    const { status, body } = await api.blockPanel<ErrorReply>('weather');
    expect(status).toBe(404);
    expect(body.error.errors).toEqual([
      { field: 'block', message: 'is not a block code from /api/v1/reference' },
    ]);
  });
});
