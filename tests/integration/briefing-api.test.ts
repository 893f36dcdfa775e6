import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getBriefingRoute } from '@/app/api/v1/briefing/route';
import { GET as getBriefingPdf } from '@/app/api/v1/briefing/pdf/route';
import type { Briefing } from '@/lib/briefing/types';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import type { ErrorReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const NOW = new Date('2026-11-23T10:30:00+03:00');
let app: TestApp;

const call = async <T>(handler: (r: Request) => Promise<Response>, query: string) => {
  const res = await handler(await authedRequest(`http://test.local/api/v1/briefing${query}`));
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
};

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
  await recordComplaints(app.ctx, [
    aComplaint({ receivedAt: '2026-11-17T12:00:00+03:00' }),
    aComplaint({ receivedAt: '2026-11-23T09:10:00+03:00' }),
    aComplaint({ receivedAt: '2026-11-23T10:15:00+03:00' }),
  ]);
});
afterAll(() => app.close());

describe('GET /api/v1/briefing', () => {
  it('defaults to the last complete week', async () => {
    const { status, body } = await call<Briefing>(getBriefingRoute, '');
    expect(status).toBe(200);
    expect(body.week).toMatchObject({ id: '2026-W47', label: '16–22 ноября 2026', complete: true });
    expect(body.headline.received).toEqual({ current: 1, previous: 0 });
    expect(body.blocks).toHaveLength(11);
    expect(body.municipalities.rows).toHaveLength(57);
    expect(body.weeks[0]).toMatchObject({ id: '2026-W48', current: true });
  });

  it('counts the week under way to its last whole hour', async () => {
    const { status, body } = await call<Briefing>(getBriefingRoute, '?week=2026-W48');
    expect(status).toBe(200);
    expect(body.week).toMatchObject({ complete: false, end: '2026-11-23T07:00:00.000Z' });
    // 09:10 is in; 10:15 falls in the hour under way, not counted yet.
    expect(body.headline.received.current).toBe(1);
  });

  it.each([
    ['?week=2026-47', 'must be an ISO week like 2026-W47'],
    ['?week=2025-W53', 'week must be between 01 and 52 in 2025'],
    ['?week=2026-W49', 'must not be a future week'],
  ])('refuses %s with the field and why', async (query, message) => {
    for (const handler of [getBriefingRoute, getBriefingPdf]) {
      const { status, body } = await call<ErrorReply>(handler, query);
      expect(status).toBe(400);
      expect(body.error.errors).toEqual([{ field: 'week', message }]);
    }
  });

  it('answers 503 for the PDF when the server has no Chromium', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const { status, body } = await call<ErrorReply>(getBriefingPdf, '?week=2026-W47');
      expect(status).toBe(503);
      expect(body.error.code).toBe('pdf_unavailable');
      expect(body.error.message).toContain('/nonexistent/chromium');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
