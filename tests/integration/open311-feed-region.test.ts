import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { GET as getServices, PUT as putServices } from '@/app/api/v1/imports/open311/services/route';
import { importOpen311 } from '@/lib/open311/import-requests';
import type { ImportOptions } from '@/lib/open311/import-types';
import { proposeServiceMappings } from '@/lib/open311/propose-service-mappings';
import { fixtureFetch, fixtureText, type FixtureRoutes } from '../fixtures/open311/fixture-fetch';
import { authedRequest } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const NOW = new Date('2026-11-21T12:00:00+03:00');
const PERIOD = { since: '2026-10-01T00:00:00Z', until: NOW.toISOString(), windowDays: 3000 };

let app: TestApp;

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => NOW });
});
afterAll(() => app.close());

const run = (baseUrl: string, routes: FixtureRoutes, extra: Partial<ImportOptions> = {}) =>
  importOpen311(app.ctx, { baseUrl, ...PERIOD, fetch: fixtureFetch(routes), ...extra });

const countOf = (host: string) =>
  app.ctx.db.$count(
    complaints,
    and(eq(complaints.sourceCode, 'open311'), like(complaints.externalId, `${host}:%`)),
  );

describe('times without an offset', () => {
  const BONN = 'https://open311.bonn.example.de/v2';
  const routes = { [`${BONN}/requests.json`]: 'bonn-like.json' };

  it('refuse the feed, naming the field and why, when no time zone is configured', async () => {
    const report = await run(BONN, routes);
    expect(report.error).toMatch(
      /^requested_datetime of request 2026-4100 is "2026-11-03 09:30:00", a local time without a UTC offset: .*set the import's timeZone/,
    );
    expect(report.created).toBe(0);
    expect(await countOf('open311.bonn.example.de')).toBe(0);
  });

  it('are read in the configured zone (then this feed, in Germany, is refused as outside the region)', async () => {
    const report = await run(BONN, routes, { timeZone: 'Europe/Berlin' });
    expect(report.error).toBeNull();
    expect(report.warnings.assumedZone).toBeGreaterThan(0);
    expect(report.outsideRegion).toBe(8);
    expect(report.created).toBe(0);
  });

  it('refuse an unknown zone name before anything is fetched', async () => {
    const report = await run(BONN, routes, { timeZone: 'Europe/Bonn' });
    expect(report.error).toBe('timeZone: unknown time zone "Europe/Bonn"');
    expect(report.requests).toBe(0);
  });
});

describe('a feed outside Russia', () => {
  const SF = 'https://sf.example.org/open311/v2';

  it('imports nothing: every request refused as outside the region, none queued nor counted open', async () => {
    const before = await app.ctx.db.$count(complaints);
    const report = await run(SF, { [`${SF}/requests.xml`]: 'sf-like.xml' });
    expect(report.error).toBeNull();
    expect(report.format).toBe('xml');
    expect(report.feedStates).toEqual({ open: 3, inProgress: 0, closed: 9 });
    expect(report.created).toBe(0);
    expect(report.outsideRegion).toBe(12);
    expect(report.skipped).toHaveLength(12);
    for (const s of report.skipped) expect(s.reason).toMatch(/^outside_region \(вне региона\): /);
    // The 0,0 one has no point of its own: the feed's other points place it abroad too.
    expect(report.skipped.find((s) => s.id === '101000077')!.reason).toMatch(/no usable point/);
    expect(await app.ctx.db.$count(complaints)).toBe(before);
  });
});

describe('a feed whose points are all 0,0', () => {
  it('is imported with its places from the text, its states kept', async () => {
    const ZERO = 'https://zero.example.ru/v2';
    const report = await run(ZERO, { [`${ZERO}/requests.json`]: 'zero-points.json' });
    expect(report.error).toBeNull();
    expect([report.created, report.outsideRegion, report.warnings.droppedPoint]).toEqual([10, 0, 10]);
    expect(report.lifecycle.closed).toBe(5);
    const rows = await app.ctx.db
      .select()
      .from(complaints)
      .where(like(complaints.externalId, 'zero.example.ru:%'));
    expect(rows.filter((r) => r.status === 'closed')).toHaveLength(5);
    expect(rows.filter((r) => r.placeSource === 'text').length).toBeGreaterThan(0);
    expect(rows.every((r) => r.placeSource !== 'coordinates')).toBe(true);
  });
});

describe('the services list: proposed, confirmed by an admin, then used', () => {
  const OBLAST = 'https://services.oblast.example.ru/open311/v2';
  const host = 'services.oblast.example.ru';
  const routes = {
    [`${OBLAST}/services.json`]: 'moscow-oblast-services.json',
    [`${OBLAST}/requests.json`]: 'moscow-oblast.json',
  };
  const call = async (method: 'GET' | 'PUT', body?: unknown, role: 'admin' | 'operator' = 'admin') => {
    const request = await authedRequest(
      `http://test.local/api/v1/imports/open311/services?host=${host}`,
      method === 'GET'
        ? {}
        : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      role,
    );
    const response = await (method === 'GET' ? getServices(request) : putServices(request));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('reads the services and proposes a category for each from the classifier', async () => {
    const read = await proposeServiceMappings(app.ctx, { baseUrl: OBLAST, fetch: fixtureFetch(routes) });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.services.map((s) => [s.serviceCode, s.state])).toEqual([
      ['musor', 'proposed'],
      ['osveshchenie', 'proposed'],
      ['otoplenie', 'proposed'],
      ['yamy', 'proposed'],
    ]);
    for (const s of read.services) expect(s.proposedCategory, s.serviceCode).not.toBeNull();
    const listed = await call('GET');
    expect(listed.status).toBe(200);
    expect((listed.body.services as unknown[]).length).toBe(4);
  });

  it('proposes nothing rather than noise for services the classifier cannot read', async () => {
    const CHICAGO = 'https://chicago.example.org/open311/v2';
    const read = await proposeServiceMappings(app.ctx, {
      baseUrl: CHICAGO,
      fetch: fixtureFetch({ [`${CHICAGO}/services.json`]: 'chicago-like-services.json' }),
    });
    expect(read.ok && read.services.length).toBe(7);
    if (!read.ok) return;
    for (const s of read.services)
      if (s.proposedCategory !== null)
        expect(s.proposedConfidence, s.serviceName).toBeGreaterThanOrEqual(0.2);
  });

  it('an unconfirmed proposal is not used: the classifier decides each text', async () => {
    const first = (JSON.parse(fixtureText('moscow-oblast.json')) as unknown[]).slice(0, 1);
    const report = await importOpen311(app.ctx, {
      baseUrl: OBLAST,
      ...PERIOD,
      fetch: fixtureFetch({
        [`${OBLAST}/requests.json`]: { body: JSON.stringify(first), type: 'application/json' },
      }),
    });
    expect(report.created).toBe(1);
    expect(report.serviceMapping.confirmed).toBe(0);
    const [row] = await app.ctx.db
      .select()
      .from(complaints)
      .where(eq(complaints.externalId, `${host}:50-2026-7000`));
    expect(row!.classSource).not.toBe('source');
  });

  it('an admin confirms; only an admin may; a bad category is refused by field', async () => {
    const decisions = {
      host,
      mappings: [
        { serviceCode: 'yamy', categoryCode: 'transport.pothole' },
        { serviceCode: 'osveshchenie', categoryCode: null },
      ],
    };
    expect((await call('PUT', decisions, 'operator')).status).toBe(403);
    const bad = await call('PUT', { host, mappings: [{ serviceCode: 'yamy', categoryCode: 'nope' }] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { errors: [{ field: 'mappings[0].categoryCode' }] } });
    const unknown = await call('PUT', { host, mappings: [{ serviceCode: 'x', categoryCode: null }] });
    expect(unknown.body).toMatchObject({ error: { errors: [{ field: 'mappings[0].serviceCode' }] } });
    const ok = await call('PUT', decisions);
    expect(ok.status).toBe(200);
    const states = (
      ok.body.services as { serviceCode: string; state: string; categoryCode: string | null }[]
    ).map((s) => [s.serviceCode, s.state, s.categoryCode]);
    expect(states).toContainEqual(['yamy', 'confirmed', 'transport.pothole']);
    expect(states).toContainEqual(['osveshchenie', 'ignored', null]);
  });

  it('imports then take the confirmed category for its service (stored complaints keep theirs)', async () => {
    const report = await run(OBLAST, routes);
    expect(report.serviceMapping.confirmed).toBe(1);
    const rows = await app.ctx.db
      .select()
      .from(complaints)
      .where(like(complaints.externalId, `${host}:%`));
    for (const id of ['7004', '7008', '7012', '7016', '7099']) {
      const row = rows.find((r) => r.externalId === `${host}:50-2026-${id}`)!;
      expect(row.categoryCode, id).toBe('transport.pothole');
      expect(row.classSource, id).toBe('source');
    }
    const earlier = rows.find((r) => r.externalId === `${host}:50-2026-7000`)!;
    expect(earlier.classSource).not.toBe('source');
  });
});
