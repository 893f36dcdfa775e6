import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, executors } from '@/db/schema';
import { BLOCKS } from '@/db/seed/blocks';
import { CATEGORIES } from '@/db/seed/categories';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import type { TransitionInput } from '@/lib/lifecycle/types';
import type { GeoReportRequest, GeoReportService } from '@/lib/open311/types';
import { maskPersonalData } from '@/lib/text/mask-personal-data';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { open311, isoMoscow, type GeoError } from '../fixtures/open311/open311-client';

let app: TestApp;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const PHOTO = 'https://photos.example.org/fix-1.jpg';
const ANSWER = 'Яму заделали 20 ноября. Ответственный мастер Петров Иван Сергеевич, тел. +7 916 123-45-67.';
const ids = { routed: 0, resolved: 0, rejected: 0, onVote: 0, old: 0 };

async function create(category: string, receivedAt: Date, text: string): Promise<number> {
  const [result] = await recordComplaints(app.ctx, [
    aComplaint({
      category,
      receivedAt: receivedAt.toISOString(),
      text,
      address: 'ул. Советская, д. 5, кв. 12',
    }),
  ]);
  expect(result!.status).toBe('created');
  return result!.id!;
}

/** Intake routes on its own when a rule names an executor; otherwise route it as an operator would. */
async function moveTo(id: number, steps: Omit<TransitionInput, 'complaintId'>[]): Promise<void> {
  const [row] = await app.ctx.db
    .select({ status: complaints.status })
    .from(complaints)
    .where(eq(complaints.id, id));
  const all = row!.status === 'new' ? [{ status: 'routed' as const }, ...steps] : steps;
  const results = await recordTransitions(
    app.ctx,
    all.map((s) => ({ complaintId: id, ...s })),
  );
  for (const r of results) expect(r.status, JSON.stringify(r)).toBe('applied');
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
  ids.old = await create('housing.no-hot-water', ago(100 * 24 * HOUR), 'Старая жалоба на горячую воду');
  ids.routed = await create(
    'housing.no-hot-water',
    ago(4 * HOUR),
    'Нет горячей воды. Звоните мне: +7 916 765-43-21, Смирнова Анна Петровна',
  );
  ids.resolved = await create('transport.pothole', ago(3 * HOUR), 'Глубокая яма у въезда во двор');
  ids.rejected = await create('ecology.dump', ago(2 * HOUR), 'Купите недорого, реклама');
  ids.onVote = await create('housing.yard-improvement', ago(1 * HOUR), 'Просим новую детскую площадку');
  await moveTo(ids.routed, []);
  await moveTo(ids.resolved, [
    {
      status: 'resolved',
      at: ago(2 * HOUR).toISOString(),
      photoUrls: [PHOTO, 'https://photos.example.org/fix-2.jpg'],
      answer: ANSWER,
    },
  ]);
  await moveTo(ids.rejected, [{ status: 'rejected', reason: 'spam' }]);
  await moveTo(ids.onVote, [{ status: 'on_vote' }]);
});
afterAll(() => app.close());

const REQUEST_KEYS = [
  'address',
  'agency_responsible',
  'description',
  'expected_datetime',
  'lat',
  'long',
  'media_url',
  'requested_datetime',
  'service_code',
  'service_name',
  'service_notice',
  'service_request_id',
  'status',
  'status_notes',
  'updated_datetime',
].sort();
const seconds = (at: Date) => Math.floor(at.getTime() / 1000) * 1000;
const MOSCOW_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/;

/** Every GeoReport field present with its type, and what the row says. */
async function expectSpecRequest(req: GeoReportRequest, id: number): Promise<void> {
  const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, id));
  const executor = row!.executorCode
    ? (await app.ctx.db.select().from(executors).where(eq(executors.code, row!.executorCode)))[0]!.name
    : null;
  const category = CATEGORIES.find((c) => c.code === row!.categoryCode)!;
  expect(Object.keys(req).sort()).toEqual(REQUEST_KEYS);
  expect(req.service_request_id).toBe(String(id));
  expect(req.service_code).toBe(category.code);
  expect(req.service_name).toBe(category.name);
  expect(req.description).toBe(maskPersonalData(row!.text));
  expect(req.agency_responsible).toBe(executor);
  expect(req.address).toBe(maskPersonalData(row!.address!));
  expect(req.address).not.toContain('12');
  expect([req.lat, req.long]).toEqual([...TOWNS.balashikha]);
  for (const key of ['requested_datetime', 'updated_datetime', 'expected_datetime'] as const)
    expect(req[key]).toMatch(MOSCOW_ISO);
  // Whole seconds, the common ISO 8601 subset GeoReport clients parse.
  expect(Date.parse(req.requested_datetime)).toBe(seconds(row!.receivedAt));
  expect(Date.parse(req.updated_datetime)).toBe(seconds(row!.statusAt));
  expect(Date.parse(req.expected_datetime)).toBe(seconds(row!.dueAt));
  expect(req.service_notice).toMatch(/^Срок ответа — до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(МСК\)$/);
  expect(typeof req.description).toBe('string');
}

describe('GET /open311/v2/services.json', () => {
  it('lists every category as a realtime service grouped by its block', async () => {
    const res = await open311.services<GeoReportService[]>();
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(CATEGORIES.length);
    for (const s of res.body) {
      const category = CATEGORIES.find((c) => c.code === s.service_code)!;
      expect(Object.keys(s).sort()).toEqual([
        'description',
        'group',
        'keywords',
        'metadata',
        'service_code',
        'service_name',
        'type',
      ]);
      expect(s).toMatchObject({ service_name: category.name, metadata: false, type: 'realtime' });
      expect(s.group).toBe(BLOCKS.find((b) => b.code === category.blockCode)!.name);
      expect(s.keywords).toContain(s.group);
      expect(s.description).toMatch(/Срок ответа исполнителя: \d+/);
    }
    expect(res.body.find((s) => s.service_code === 'housing.capital-repair')!.description).toContain(
      '8 рабочих дней',
    );
  });
});

describe('GET /open311/v2/requests.json and requests/{id}.json', () => {
  it('shows a routed complaint as open, masked, with its executor and no notes', async () => {
    const res = await open311.request<GeoReportRequest[]>(`${ids.routed}.json`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    const req = res.body[0]!;
    await expectSpecRequest(req, ids.routed);
    expect(req).toMatchObject({ status: 'open', status_notes: null, media_url: null });
    expect(req.description).not.toMatch(/765|Смирнова/);
  });

  it('shows a resolved complaint as closed, with the photo proof and the masked answer', async () => {
    const [req] = (await open311.request<GeoReportRequest[]>(`${ids.resolved}.json`)).body;
    await expectSpecRequest(req!, ids.resolved);
    expect(req!.status).toBe('closed');
    expect(req!.media_url).toBe(PHOTO);
    expect(req!.status_notes).toBe(maskPersonalData(ANSWER));
    expect(req!.status_notes).toContain('Яму заделали');
    expect(req!.status_notes).not.toMatch(/Петров|916/);
  });

  it('shows a rejected complaint as closed with the reason, and one on vote as open', async () => {
    const [rejected] = (await open311.request<GeoReportRequest[]>(`${ids.rejected}.json`)).body;
    await expectSpecRequest(rejected!, ids.rejected);
    expect(rejected).toMatchObject({
      status: 'closed',
      status_notes: 'Отклонено: спам или оскорбления',
      media_url: null,
    });
    const [vote] = (await open311.request<GeoReportRequest[]>(`${ids.onVote}.json`)).body;
    await expectSpecRequest(vote!, ids.onVote);
    expect(vote).toMatchObject({ status: 'open', status_notes: 'Вынесено на голосование', media_url: null });
  });

  it('answers 404 and 400 in the GeoReport error shape', async () => {
    const missing = await open311.request<GeoError>('987654321.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: 'service_request_id: no request 987654321' }]);
    for (const bad of ['abc.json', `${ids.routed}`, `${ids.routed}.xml`]) {
      const res = await open311.request<GeoError>(bad);
      expect(res.status, bad).toBe(400);
      expect(res.body[0]!.description, bad).toMatch(
        /^service_request_id: must be a numeric id followed by \.json/,
      );
    }
  });

  it('lists the last 90 days newest first by default', async () => {
    const res = await open311.requests<GeoReportRequest[]>('');
    expect(res.status).toBe(200);
    expect(res.body.map((r) => Number(r.service_request_id))).toEqual([
      ids.onVote,
      ids.rejected,
      ids.resolved,
      ids.routed,
    ]);
  });

  it('filters by ids (overriding the date window), service_code and status', async () => {
    const byIds = await open311.requests<GeoReportRequest[]>(
      `?service_request_id=${ids.old},${ids.resolved}&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`,
    );
    expect(byIds.body.map((r) => Number(r.service_request_id))).toEqual([ids.resolved, ids.old]);
    const byCode = await open311.requests<GeoReportRequest[]>('?service_code=transport.pothole,ecology.dump');
    expect(byCode.body.map((r) => r.service_code)).toEqual(['ecology.dump', 'transport.pothole']);
    const open = await open311.requests<GeoReportRequest[]>('?status=open');
    expect(open.body.map((r) => Number(r.service_request_id))).toEqual([ids.onVote, ids.routed]);
    const closed = await open311.requests<GeoReportRequest[]>('?status=closed');
    expect(closed.body.map((r) => Number(r.service_request_id))).toEqual([ids.rejected, ids.resolved]);
    const both = await open311.requests<GeoReportRequest[]>('?status=open,closed');
    expect(both.body).toHaveLength(4);
  });

  it('filters by start_date and end_date on requested_datetime', async () => {
    const start = encodeURIComponent(isoMoscow(ago(3.5 * HOUR)));
    const end = encodeURIComponent(isoMoscow(ago(1.5 * HOUR)));
    const res = await open311.requests<GeoReportRequest[]>(`?start_date=${start}&end_date=${end}`);
    expect(res.body.map((r) => Number(r.service_request_id))).toEqual([ids.rejected, ids.resolved]);
    const old = await open311.requests<GeoReportRequest[]>(
      `?start_date=${encodeURIComponent(isoMoscow(ago(101 * 24 * HOUR)))}&end_date=${encodeURIComponent(isoMoscow(ago(99 * 24 * HOUR)))}`,
    );
    expect(old.body.map((r) => Number(r.service_request_id))).toEqual([ids.old]);
  });

  it('pages with page and page_size', async () => {
    const first = await open311.requests<GeoReportRequest[]>('?page_size=3');
    const second = await open311.requests<GeoReportRequest[]>('?page_size=3&page=2');
    expect(first.body.map((r) => Number(r.service_request_id))).toEqual([
      ids.onVote,
      ids.rejected,
      ids.resolved,
    ]);
    expect(second.body.map((r) => Number(r.service_request_id))).toEqual([ids.routed]);
  });

  it('answers 400 naming the parameter and why', async () => {
    const cases: [string, string][] = [
      ['?start_date=2026-11-01T10:00:00', 'start_date: must be ISO 8601 with an offset'],
      ['?end_date=tomorrow', 'end_date: must be ISO 8601 with an offset'],
      [
        '?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
        'start_date: must be at most 90 days before end_date',
      ],
      [
        '?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z',
        'start_date: must not be after end_date',
      ],
      ['?status=pending', 'status: must be open, closed or both'],
      ['?service_code=housing.dragons', 'service_code: unknown service_code: housing.dragons'],
      ['?page_size=5000', 'page_size: must be an integer from 1 to 1000'],
      ['?page=0', 'page: must be an integer from 1'],
      ['?service_request_id=12,abc', 'service_request_id: must be a comma-separated list'],
    ];
    for (const [query, description] of cases) {
      const res = await open311.requests<GeoError>(query);
      expect(res.status, query).toBe(400);
      expect(res.body).toHaveLength(1);
      expect(res.body[0]!.code, query).toBe(400);
      expect(res.body[0]!.description.startsWith(description), `${query}: ${res.body[0]!.description}`).toBe(
        true,
      );
    }
  });
});
