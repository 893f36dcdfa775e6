import { count } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintKeys, complaints } from '@/db/schema';
import { GET as getProblems } from '@/app/api/v1/problems/route';
import { GET as getPlayback } from '@/app/api/v1/playback/route';
import { GET as getBriefing } from '@/app/api/v1/briefing/route';
import { issueSourceKey } from '@/lib/identity/issue-source-key';
import { aComplaint } from '../helpers/complaint-factory';
import { authedRequest } from '../helpers/identities';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { open311 } from '../fixtures/open311/open311-client';

// Hostile input through the real route handlers: each class answers 4xx naming the field, stores nothing,
// and leaves the idempotency key free for the sender's corrected request.

let app: TestApp;
let complaintId: number;

const BASE = 'http://test.local';
const rows = async () => {
  const [c] = await app.ctx.db.select({ n: count() }).from(complaints);
  const [k] = await app.ctx.db.select({ n: count() }).from(complaintKeys);
  return { complaints: c!.n, keys: k!.n };
};
const fieldsOf = (body: ErrorReply) => body.error.errors?.map((e) => e.field);
const reply = async (response: Response) => ({
  status: response.status,
  body: (await response.json()) as ErrorReply,
});

beforeAll(async () => {
  app = await createRegisteredTestApp();
  const res = await api.postComplaints<IngestReply>(aComplaint());
  complaintId = res.body.results[0]!.id!;
});
afterAll(() => app.close());

describe('text fields', () => {
  it.each([
    ['a NUL in text', { text: 'Нет воды\u0000' }, 'text', /NUL/],
    ['a bell in address', { address: 'ул. Ленина\u0007, 5' }, 'address', /control character \(U\+0007\)/],
    [
      'an unpaired surrogate in externalId',
      { externalId: 'ext-\ud800-1' },
      'externalId',
      /unpaired surrogate/,
    ],
  ])(
    '%s → 400 naming the field, nothing stored, the key not burned',
    async (_name, patch, field, message) => {
      const before = await rows();
      const bad = aComplaint(patch);
      const res = await api.postComplaints<ErrorReply>(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_text');
      expect(res.body.error.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
      expect(await rows()).toEqual(before);
      // The corrected request with the same key (a lone surrogate would have been stored as U+FFFD) is new.
      const fixed = {
        ...bad,
        text: 'Нет воды',
        address: 'ул. Ленина, 5',
        externalId: bad.externalId.replace(/[\ud800-\udfff]/g, '\ufffd'),
      };
      const again = await api.postComplaints<IngestReply>(fixed);
      expect(again.status).toBe(200);
      expect(again.body.results[0]).toMatchObject({ status: 'created', id: expect.any(Number) });
    },
  );

  it('names the item of a batch: complaints[3].text, and stores none of the batch', async () => {
    const before = await rows();
    const batch = [0, 1, 2, 3, 4].map((i) => aComplaint(i === 3 ? { text: 'вода\u0000' } : {}));
    const res = await api.postComplaints<ErrorReply>({ complaints: batch });
    expect(res.status).toBe(400);
    expect(res.body.error.errors).toEqual([
      { field: 'complaints[3].text', message: 'contains a NUL character' },
    ]);
    expect(await rows()).toEqual(before);
  });

  it('zero-width-only text is empty: rejected naming text, the key stays free', async () => {
    const before = await rows();
    const bad = aComplaint({ text: '\u200b\u200b \u2060\ufeff\u00ad' });
    const res = await api.postComplaints<IngestReply>(bad);
    expect(res.status).toBe(422);
    expect(res.body.results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'text', message: 'must not be empty' }],
    });
    expect(await rows()).toEqual(before);
    const again = await api.postComplaints<IngestReply>({ ...bad, text: 'Яма на дороге' });
    expect(again.body.results[0]!.status).toBe('created');
  });

  it.each([
    ['comment', { status: 'in_progress', comment: 'ok\u0000' }, 'invalid_text', /NUL/],
    // Only invisible characters: refused as empty (the actor is the identity's now, no longer a body field).
    ['comment', { status: 'in_progress', comment: '\u200b\u200d' }, 'invalid_body', /must not be empty/],
    ['answer', { status: 'rejected', reason: 'spam', answer: '\u00ad\u2060' }, 'invalid_body', /empty/],
    [
      'photoUrls[0]',
      { status: 'resolved', answer: 'Сделано', photoUrls: ['https://x.ru/\u0001'] },
      'invalid_text',
      /control/,
    ],
  ])('an event with a bad %s → 400 naming it, no event stored', async (field, body, code, message) => {
    const before = (await api.history<{ events: unknown[] }>(complaintId)).body.events.length;
    const res = await api.postEvent<ErrorReply>(complaintId, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    const error = res.body.error.errors?.find((e) => e.field === field);
    expect(error?.message).toMatch(message);
    expect((await api.history<{ events: unknown[] }>(complaintId)).body.events.length).toBe(before);
  });

  it('a NUL in a re-routing comment or a query string → 400 naming it', async () => {
    const routing = await api.postRouting<ErrorReply>(complaintId, { executor: 'x', comment: '\u0000' });
    expect(routing.status).toBe(400);
    expect(fieldsOf(routing.body)).toEqual(['comment']);
    const query = await api.triage<ErrorReply>('?after=%00');
    expect(query.status).toBe(400);
    expect(query.body.error).toMatchObject({ code: 'invalid_query', errors: [{ field: 'after' }] });
  });

  it('Open311: a NUL in description answers GeoReport 400 naming it; blank description too', async () => {
    const issued = await issueSourceKey(
      app.ctx.db,
      app.ctx.reference,
      { kind: 'system', name: 'test' },
      {
        source: 'municipal',
        label: 'hostile',
      },
    );
    if (!issued.ok) throw new Error('no key');
    const key = issued.key;
    const fields = { api_key: key, service_code: 'housing.no-hot-water', lat: 55.79639, long: 37.93828 };
    const nul = await open311.post<{ code: number; description: string }[]>({
      ...fields,
      description: 'а\u0000',
    });
    expect(nul.status).toBe(400);
    expect(nul.body[0]!.description).toMatch(/^description: contains a NUL character/);
    const blank = await open311.post<{ description: string }[]>({ ...fields, description: '\u200b' });
    expect(blank.status).toBe(400);
    expect(blank.body[0]!.description).toMatch(/^description: must not be empty/);
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-31T10:00:00+03:00', /has 30 days/],
    ['2026-02-29T10:00:00+03:00', /has 28 days/],
    ['2026-11-20T24:00:00+03:00', /time of day must be/],
    ['2026-13-01T10:00:00+03:00', /month/],
    ['0000-01-01T00:00:00Z', /the year must be from 2000 to 2100/],
  ])('receivedAt %s → rejected naming receivedAt, never rolled over', async (receivedAt, message) => {
    const before = await rows();
    const res = await api.postComplaints<IngestReply>(aComplaint({ receivedAt }));
    expect(res.status).toBe(422);
    expect(res.body.results[0]!.errors).toEqual([
      { field: 'receivedAt', message: expect.stringMatching(message) },
    ]);
    expect(await rows()).toEqual(before);
  });

  it('an event at an impossible date → 400 naming at', async () => {
    const res = await api.postEvent<ErrorReply>(complaintId, {
      status: 'in_progress',
      at: '2026-02-30T10:00:00+03:00',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.errors).toEqual([{ field: 'at', message: expect.stringMatching(/has 28 days/) }]);
  });

  it('year 0000 and impossible dates in query parameters → 400 naming the parameter (was 500)', async () => {
    const problems = await reply(
      await getProblems(
        new NextRequest(await authedRequest(`${BASE}/api/v1/problems?since=0000-01-01T00:00:00Z`)),
      ),
    );
    expect(problems.status).toBe(400);
    expect(fieldsOf(problems.body)).toEqual(['since']);
    const playback = await reply(
      await getPlayback(await authedRequest(`${BASE}/api/v1/playback?span=24h&at=2026-04-31T10:00:00Z`)),
    );
    expect(playback.status).toBe(400);
    expect(fieldsOf(playback.body)).toEqual(['at']);
    const briefing = await reply(
      await getBriefing(await authedRequest(`${BASE}/api/v1/briefing?week=0000-W01`)),
    );
    expect(briefing.status).toBe(400);
    expect(fieldsOf(briefing.body)).toEqual(['week']);
    const georeport = await open311.requests<{ code: number; description: string }[]>(
      '?start_date=0000-01-01T00:00:00Z',
    );
    expect(georeport.status).toBe(400);
    expect(georeport.body[0]!.description).toMatch(/^start_date:/);
  });
});
