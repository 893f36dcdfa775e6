import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintEvents, complaints } from '@/db/schema';
import { MAX_BATCH_ITEMS, MAX_BODY_BYTES, MAX_TEXT_CHARS } from '@/lib/domain/limits';
import { aComplaint } from '../helpers/complaint-factory';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;

async function stored() {
  const [c] = await app.ctx.db.select({ n: count() }).from(complaints);
  const [e] = await app.ctx.db.select({ n: count() }).from(complaintEvents);
  return { complaints: c!.n, events: e!.n };
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

describe('POST /api/v1/complaints', () => {
  it('stores a complaint with municipality, H3 cells, due time and a created event', async () => {
    const input = aComplaint({ receivedAt: '2026-11-20T10:00:00+03:00' });
    const res = await api.postComplaints<IngestReply>(input);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      {
        externalId: input.externalId,
        status: 'created',
        id: expect.any(Number),
        complaintStatus: 'routed',
        executor: expect.any(String),
      },
    ]);
    const [row] = await app.ctx.db
      .select()
      .from(complaints)
      .where(eq(complaints.id, res.body.results[0]!.id!));
    expect(row!.municipalityOktmo).toBe('46704000000');
    expect(row!.blockCode).toBe('housing');
    expect(row!.h3Fine).toMatch(/^88/);
    expect(row!.h3Coarse).toMatch(/^86/);
    const deadline = app.ctx.reference.categories.get('housing.no-hot-water')!.deadlineHours;
    expect(row!.dueAt.getTime() - Date.parse('2026-11-20T07:00:00Z')).toBe(deadline * 3600_000);
  });

  it('is idempotent: a replayed batch stores nothing new and says duplicate with the same ids', async () => {
    const batch = { complaints: [aComplaint(), aComplaint(), aComplaint()] };
    const first = await api.postComplaints<IngestReply>(batch);
    const before = await stored();
    const replay = await api.postComplaints<IngestReply>(batch);
    expect(replay.status).toBe(200);
    expect(replay.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(replay.body.results.map((r) => r.id)).toEqual(first.body.results.map((r) => r.id));
    expect(await stored()).toEqual(before);
  });

  it('treats a repeat inside one batch as a duplicate of the first', async () => {
    const one = aComplaint();
    const res = await api.postComplaints<IngestReply>({
      complaints: [one, { ...one, text: 'другой текст' }],
    });
    expect(res.body.results.map((r) => r.status)).toEqual(['created', 'duplicate']);
    expect(res.body.results[1]!.id).toBe(res.body.results[0]!.id);
  });

  it('of concurrent requests carrying one key (merged into one write), exactly one creates it', async () => {
    const one = aComplaint();
    const before = await stored();
    const replies = await Promise.all(
      [1, 2, 3].map(() => api.postComplaints<IngestReply>({ complaints: [one, aComplaint()] })),
    );
    const forKey = replies.map((r) => r.body.results[0]!);
    expect(forKey.map((r) => r.status).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(new Set(forKey.map((r) => r.id)).size).toBe(1);
    // Each stored complaint has two events: its intake and its routing by the rules.
    expect(await stored()).toEqual({ complaints: before.complaints + 4, events: before.events + 8 });
  });

  it('stores the good items of a mixed batch and reports each bad one (207)', async () => {
    const before = await stored();
    const good = aComplaint();
    const res = await api.postComplaints<IngestReply>({
      complaints: [good, aComplaint({ source: 'pigeon-post' }), aComplaint({ lat: 59.93, lon: 30.31 })],
    });
    expect(res.status).toBe(207);
    expect(res.body.results.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected']);
    expect(res.body.results[1]!.errors).toEqual([
      { field: 'source', message: 'unknown source code "pigeon-post"' },
    ]);
    expect(res.body.results[2]!.errors![0]!.message).toMatch(/outside Moscow Oblast/);
    expect(await stored()).toEqual({ complaints: before.complaints + 1, events: before.events + 2 });
  });
});

describe('bad input is refused with a status, the field and the reason, and nothing is stored', () => {
  const future = new Date(Date.now() + 24 * 3600_000).toISOString();
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['missing source', { source: undefined }, 'source', /required/],
    ['missing externalId', { externalId: undefined }, 'externalId', /required/],
    ['missing receivedAt', { receivedAt: undefined }, 'receivedAt', /required/],
    ['missing text', { text: undefined }, 'text', /required/],
    ['text as a number', { text: 42 }, 'text', /must be a string/],
    ['empty text', { text: '   ' }, 'text', /must not be empty/],
    [
      'text over the limit',
      { text: 'я'.repeat(MAX_TEXT_CHARS + 1) },
      'text',
      new RegExp(`at most ${MAX_TEXT_CHARS}`),
    ],
    ['lat as a string', { lat: '55.7' }, 'lat', /must be a number/],
    ['lon missing while lat given', { lon: undefined }, 'lon', /required when the other/],
    [
      'a point outside the oblast (St Petersburg)',
      { lat: 59.93, lon: 30.31 },
      'lat',
      /outside Moscow Oblast/,
    ],
    ['a point in the City of Moscow', { lat: 55.7558, lon: 37.6173 }, 'lat', /outside Moscow Oblast/],
    ['latitude out of range', { lat: 123, lon: 37 }, 'lat', /between -90 and 90/],
    ['receivedAt without an offset', { receivedAt: '2026-11-20T10:00:00' }, 'receivedAt', /with an offset/],
    [
      'receivedAt not a date',
      { receivedAt: '2026-13-45T99:00:00Z' },
      'receivedAt',
      /not a valid date-time|with an offset/,
    ],
    ['receivedAt far in the future', { receivedAt: future }, 'receivedAt', /in the future/],
    ['unknown source', { source: 'carrier-pigeon' }, 'source', /unknown source code/],
    ['unknown category', { category: 'housing.dragons' }, 'category', /unknown category code/],
    ['unknown block', { block: 'space', category: undefined }, 'block', /unknown block code/],
    ['block not matching the category', { block: 'health' }, 'block', /does not match category/],
  ];
  it.each(cases)('%s → 422 naming %s', async (_name, patch, field, message) => {
    const before = await stored();
    const input: Record<string, unknown> = { ...aComplaint(), ...patch };
    for (const key of Object.keys(patch)) if (patch[key] === undefined) delete input[key];
    const res = await api.postComplaints<IngestReply>(input);
    expect(res.status).toBe(422);
    const errors = res.body.results[0]!.errors!;
    expect(res.body.results[0]!.status).toBe('rejected');
    expect(errors.find((e) => e.field === field)?.message).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('malformed JSON → 400 naming the body', async () => {
    const before = await stored();
    const res = await api.postComplaints<ErrorReply>(null, {
      raw: '{"complaints": [ {"source": "dobrodel", ',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_json');
    expect(res.body.error.errors![0]!.field).toBe('body');
    expect(await stored()).toEqual(before);
  });

  it('a non-JSON content type → 415', async () => {
    const res = await api.postComplaints<ErrorReply>(null, {
      raw: 'source=dobrodel',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.errors![0]!.field).toBe('content-type');
  });

  it('complaints that is not an array, or empty → 400', async () => {
    const notArray = await api.postComplaints<ErrorReply>({ complaints: 'many' });
    expect(notArray.status).toBe(400);
    expect(notArray.body.error.errors![0]).toEqual({ field: 'complaints', message: 'must be an array' });
    const empty = await api.postComplaints<ErrorReply>({ complaints: [] });
    expect(empty.status).toBe(400);
  });

  it(`a batch over ${MAX_BATCH_ITEMS} items → 413 and nothing stored`, async () => {
    const before = await stored();
    const items = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => aComplaint({ text: 'x' }));
    const res = await api.postComplaints<ErrorReply>({ complaints: items });
    expect(res.status).toBe(413);
    expect(res.body.error.errors![0]!.field).toBe('complaints');
    expect(await stored()).toEqual(before);
  });

  it('a body over the size limit → 413 and nothing stored', async () => {
    const before = await stored();
    const res = await api.postComplaints<ErrorReply>(null, {
      raw: JSON.stringify({ ...aComplaint(), pad: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.errors![0]!.field).toBe('body');
    expect(await stored()).toEqual(before);
  });
});
