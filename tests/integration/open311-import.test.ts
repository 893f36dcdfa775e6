import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { POST as postImport } from '@/app/api/v1/imports/open311/route';
import { importOpen311 } from '@/lib/open311/import-requests';
import type { ImportReport } from '@/lib/open311/import-types';
import { startFeedServer, type FeedServer } from '../fixtures/open311/feed-server';
import { authedRequest } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const NOW = new Date('2026-11-21T12:00:00+03:00');
// The sloppy feeds write some times without an offset: their server's zone is configured, as it must be.
const PERIOD = {
  since: '2026-11-01T00:00:00+03:00',
  until: '2026-11-21T12:00:00+03:00',
  timeZone: 'Europe/Moscow',
};
const SERVICE_MAP = { pothole: 'transport.pothole' };

let app: TestApp;
let feed: FeedServer;
let host: string;

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
  feed = await startFeedServer();
  host = new URL(feed.baseUrl).host;
  // The feed server is on loopback: the egress guard lets exactly this host:port through.
  process.env.EGRESS_ALLOW_HOSTS = host;
});
afterAll(async () => {
  delete process.env.EGRESS_ALLOW_HOSTS;
  await feed.close();
  await app.close();
});

const stored = (externalId: string) =>
  app.ctx.db
    .select()
    .from(complaints)
    .where(and(eq(complaints.sourceCode, 'open311'), eq(complaints.externalId, `${host}:${externalId}`)))
    .then((rows) => rows[0]);

const reasonOf = (report: ImportReport, id: string | null) =>
  report.skipped.filter((s) => s.id === id).map((s) => s.reason);

describe('importOpen311 from a sloppy JSON server', () => {
  let first: ImportReport;

  beforeAll(async () => {
    first = await importOpen311(app.ctx, {
      baseUrl: `${feed.baseUrl}/json`,
      ...PERIOD,
      serviceMap: SERVICE_MAP,
    });
  });

  it('counts every record once: created, skipped with reasons, repeats across windows', () => {
    expect(first.error).toBeNull();
    expect(first.format).toBe('json');
    expect(first.endpoint).toBe(`${feed.baseUrl}/json/requests.json`);
    expect(first.requests).toBe(3); // three 7-day windows
    expect(first.fetched).toBe(15);
    expect(first.created).toBe(8);
    expect(first.duplicates).toBe(0);
    expect(first.fetched).toBe(
      first.created + first.duplicates + first.skipped.length + first.warnings.repeatedAcrossWindows,
    );
    expect(reasonOf(first, null)).toEqual(['service_request_id is missing']);
    expect(reasonOf(first, '1006')).toEqual(['requested_datetime is missing']);
    expect(reasonOf(first, '1007')).toEqual(['requested_datetime is not a date: "32/13/2026 25:61"']);
    expect(reasonOf(first, '1001')).toEqual(['duplicate service_request_id within one response']);
    expect(reasonOf(first, '1013')).toEqual(['no description, service_name or address']);
    expect(reasonOf(first, 'L'.repeat(250))).toEqual([
      'refused by intake: externalId: must be at most 200 characters',
    ]);
    expect(first.skipped).toHaveLength(6);
  });

  it('reports what it repaired', () => {
    expect(first.warnings).toEqual({
      assumedZone: 2,
      droppedPoint: 1,
      unknownStatus: 0,
      unreadableTime: 0,
      expectedBeforeRequested: 0,
      commaDecimal: 1,
      missingDescription: 1,
      unmappedService: 1,
      htmlText: 1,
      truncatedText: 0,
      wrongContentType: 3,
      bom: 0,
      repeatedAcrossWindows: 1,
      fullWindow: 0,
    });
    expect(first.unmappedServiceCodes).toEqual(['graffiti']);
  });

  it('stores decoded text, mapped categories, Moscow-assumed times and only points inside the oblast', async () => {
    const r1001 = await stored('1001');
    expect(r1001!.text).toBe(
      'Яма на дороге у дома 5 по ул. Советская, "глубокая"\nЗвонить 8 916 123-45-67\n\nФото заявителя: https://photos.example.org/1001.jpg',
    );
    expect(r1001!.categoryCode).toBe('transport.pothole');
    expect(r1001!.classSource).toBe('source');
    expect(r1001!.receivedAt.toISOString()).toBe('2026-11-02T06:15:00.000Z');
    expect(r1001!.address).toBe('Балашиха, ул. Советская, 5');

    const r1002 = await stored('1002');
    expect(r1002!.receivedAt.toISOString()).toBe('2026-11-03T07:00:00.000Z'); // 10:00 Moscow
    expect([r1002!.lat, r1002!.lon]).toEqual([55.79639, 37.93828]);
    expect(r1002!.categoryCode).toBe('housing.no-hot-water');

    const r1003 = await stored('1003'); // 0,0 means "no point"
    expect(r1003!.placeSource).not.toBe('coordinates');
    expect(r1003!.classSource).not.toBe('source'); // unmapped: left to the classifier
    expect(r1003!.status).toBe('closed'); // as the feed says
    // A point in the City of Moscow: held for that region's federal view, not a complaint of ours.
    const r1004 = await stored('1004');
    expect([r1004!.regionCode, r1004!.municipalityOktmo, r1004!.status]).toEqual(['RU-MOW', null, 'new']);
    expect(first.heldForRegions).toEqual({ 'RU-MOW': 1 });

    expect((await stored('1008'))!.text).toBe('Яма на дороге, Мытищи, ул. Мира, 3');
    expect((await stored('1011'))!.receivedAt.toISOString()).toBe('2026-11-09T11:30:00.250Z');
    expect((await stored('1014'))!.receivedAt.toISOString()).toBe('2026-11-17T07:00:00.000Z');
    for (const id of ['1006', '1007', '1013']) expect(await stored(id), id).toBeUndefined();
  });

  it('stores nothing new when run again', async () => {
    const before = await app.ctx.db.$count(complaints, eq(complaints.sourceCode, 'open311'));
    const again = await importOpen311(app.ctx, {
      baseUrl: `${feed.baseUrl}/json`,
      ...PERIOD,
      serviceMap: SERVICE_MAP,
    });
    expect(again.created).toBe(0);
    expect(again.duplicates).toBe(8);
    expect(again.error).toBeNull();
    expect(await app.ctx.db.$count(complaints, eq(complaints.sourceCode, 'open311'))).toBe(before);
  });

  it('halves a window whose answer looks cut off, with the same outcome', async () => {
    const split = await importOpen311(app.ctx, {
      baseUrl: `${feed.baseUrl}/json`,
      ...PERIOD,
      serviceMap: SERVICE_MAP,
      fullAt: 5,
    });
    expect(split.requests).toBeGreaterThan(3);
    expect(split.error).toBeNull();
    expect(split.duplicates).toBe(8);
    expect(split.skipped).toHaveLength(6);
    expect(split.warnings.fullWindow).toBe(0);
  });
});

describe('importOpen311 from an XML-only server', () => {
  let report: ImportReport;

  beforeAll(async () => {
    report = await importOpen311(app.ctx, { baseUrl: `${feed.baseUrl}/xmlonly/`, ...PERIOD });
  });

  it('falls back from requests.json to requests.xml and reads a BOM, a wrong content-type and a single <request>', () => {
    expect(report.error).toBeNull();
    expect(report.format).toBe('xml');
    expect(report.endpoint).toBe(`${feed.baseUrl}/xmlonly/requests.xml`);
    expect(report.requests).toBe(4); // one 404 on requests.json, then three windows
    expect(report.fetched).toBe(4);
    expect(report.created).toBe(3);
    expect(report.skipped).toEqual([{ id: null, reason: 'service_request_id is missing' }]);
    expect(report.warnings).toMatchObject({
      assumedZone: 1,
      droppedPoint: 1,
      commaDecimal: 1,
      htmlText: 2,
      unmappedService: 3,
      bom: 1,
      wrongContentType: 1,
    });
    expect(report.unmappedServiceCodes).toEqual(['ROADS', 'STREETLIGHT']);
  });

  it('stores the XML texts decoded and the single request of the second window', async () => {
    const x1 = await stored('X1');
    expect(x1!.text).toBe('Не горит фонарь «у школы» — третий вечер');
    expect(x1!.receivedAt.toISOString()).toBe('2026-11-02T15:30:00.000Z');
    expect([x1!.lat, x1!.lon]).toEqual([55.07944, 38.77833]);
    expect((await stored('X2'))!.text).toBe('Фонарь мигает & гудит');
    expect((await stored('X9'))!.text).toBe('Единственная заявка недели');
  });

  it('reads XML straight away when baseUrl names requests.xml, and a re-import creates nothing', async () => {
    const again = await importOpen311(app.ctx, {
      baseUrl: `${feed.baseUrl}/xmlonly/requests.xml`,
      ...PERIOD,
    });
    expect(again.requests).toBe(3);
    expect(again.created).toBe(0);
    expect(again.duplicates).toBe(3);
  });
});

describe('importOpen311 stops cleanly and says why', () => {
  const run = (mode: string, extra: object = {}) =>
    importOpen311(app.ctx, {
      baseUrl: `${feed.baseUrl}/${mode}`,
      ...PERIOD,
      serviceMap: SERVICE_MAP,
      ...extra,
    });

  it('on an HTTP error, after one request', async () => {
    const report = await run('broken');
    expect(report.error).toMatch(
      /^HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/broken\/requests\.json\?.*Internal Server Error/,
    );
    expect(report.requests).toBe(1);
    expect(report.fetched).toBe(0);
  });

  it('on an HTTP error mid-way, keeping what the earlier windows stored', async () => {
    const report = await run('flaky');
    expect(report.error).toMatch(/^HTTP 503 from /);
    expect(report.requests).toBe(2);
    expect(report.created + report.duplicates).toBe(6); // the first window's good records
  });

  it('on a timeout', async () => {
    const started = Date.now();
    const report = await run('slow', { timeoutMs: 300 });
    expect(report.error).toMatch(/no complete answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('on an HTML page and on a GeoReport error list', async () => {
    expect((await run('html')).error).toBe('the XML root is <html>, not <service_requests>');
    expect((await run('errors')).error).toBe('the server answered errors: 403 Invalid api_key');
  });

  it('on bad options, before any request', async () => {
    expect((await importOpen311(app.ctx, { baseUrl: 'ftp://example.org/v2' })).error).toBe(
      'baseUrl: must be an http or https URL',
    );
    const badMap = await run('json', { serviceMap: { pothole: 'transport.teleport' } });
    expect(badMap.error).toBe('serviceMap: unknown category codes: pothole → transport.teleport');
    expect(badMap.requests).toBe(0);
    expect((await run('json', { since: '2026-11-01' })).error).toMatch(/^since: must be an ISO 8601/);
  });
});

describe('POST /api/v1/imports/open311', () => {
  beforeAll(() => {
    process.env.OPEN311_IMPORT_HOSTS = '127.0.0.1, localhost';
  });
  afterAll(() => {
    delete process.env.OPEN311_IMPORT_HOSTS;
  });
  const post = async (body: unknown) => {
    const response = await postImport(
      await authedRequest('http://test.local/api/v1/imports/open311', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers the report', async () => {
    const res = await post({ baseUrl: `${feed.baseUrl}/json`, ...PERIOD, serviceMap: SERVICE_MAP });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fetched: 15, created: 0, duplicates: 8, error: null });
  });

  it('fetches only hosts listed in OPEN311_IMPORT_HOSTS', async () => {
    const other = await post({ baseUrl: 'http://10.0.0.1/open311/v2' });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ error: { errors: [{ field: 'baseUrl' }] } });
    delete process.env.OPEN311_IMPORT_HOSTS;
    const off = await post({ baseUrl: `${feed.baseUrl}/json` });
    expect(off.status).toBe(403);
    process.env.OPEN311_IMPORT_HOSTS = '127.0.0.1, localhost';
  });

  it('refuses a non-http baseUrl and an unknown category in serviceMap, naming the field', async () => {
    const ftp = await post({ baseUrl: 'ftp://example.org/v2' });
    expect(ftp.status).toBe(400);
    expect(ftp.body).toMatchObject({
      error: { errors: [{ field: 'baseUrl', message: 'must be an http or https URL' }] },
    });
    const map = await post({ baseUrl: feed.baseUrl, serviceMap: { pothole: 'nope' } });
    expect(map.status).toBe(400);
    expect(map.body).toMatchObject({ error: { errors: [{ field: 'serviceMap.pothole' }] } });
    const since = await post({ baseUrl: feed.baseUrl, since: 'yesterday' });
    expect(since.status).toBe(400);
    expect(since.body).toMatchObject({
      error: { errors: expect.arrayContaining([expect.objectContaining({ field: 'since' })]) },
    });
  });

  it('stores nothing from a line it did not import', async () => {
    const rows = await app.ctx.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(like(complaints.externalId, `${host}:L%`));
    expect(rows).toHaveLength(0);
  });
});
