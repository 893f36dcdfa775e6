import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ne, sql } from 'drizzle-orm';
import { incidents } from '@/db/schema';
import { expect } from 'vitest';
import { rowsOf } from '@/db/client';
import { type Role } from '@/lib/domain/access';
import { createUser } from '@/lib/identity/create-user';
import { issueCredential } from '@/lib/identity/issue-credential';
import { issuePasswordLink } from '@/lib/identity/password-link';
import { createOneTimeLink } from '@/lib/identity/one-time-links';
import { requestPairing } from '@/lib/identity/request-pairing';
import { getComplaintFacts } from '@/lib/lifecycle/get-complaint-facts';
import { proposeServiceMappings } from '@/lib/open311/propose-service-mappings';
import { aComplaint, TOWNS } from './complaint-factory';
import { pairedDisplay } from './identities';
import { PASSWORD } from './identity-client';
import { anAnswer, enqueue } from './webhook-fixtures';
import { call, ORIGIN, type Call } from './route-table';
import {
  app,
  feed,
  sourceKey,
  setupAnswer,
  world,
  aStoredComplaint,
  aPersonWithToken,
  signedIn,
  totpCode,
  beganTotp,
  webhookOn,
  anyProblemId,
  BBOX,
  nextPersonNumber,
} from './route-walk-world';

// ---------------------------------------------------------------------------------------------------------
// One valid call per route. `as` is the caller the walk picked (a role holding the route's action).

/** A fresh unanswered incident in the walk's block and municipality (the one before it closed). */
async function aLiveIncident(): Promise<number> {
  const now = app.ctx.now();
  await app.ctx.db
    .update(incidents)
    .set({ status: 'closed', closedAt: now })
    .where(ne(incidents.status, 'closed'));
  const [row] = await app.ctx.db
    .insert(incidents)
    .values({
      blockCode: world.block,
      categoryCode: [...app.ctx.reference.categories.values()].find((c) => c.blockCode === world.block)!.code,
      municipalityOktmo: world.municipality,
      place: 'Балашиха',
      openedAt: now,
      detectedAt: now,
      lastAt: now,
      complaints: 12,
      usualLow: 0,
      usualHigh: 1,
    })
    .returning({ id: incidents.id });
  return row!.id;
}

export type Fixture = (as: { role: Role; bearer: string }) => Promise<Call | Response>;

export const FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/audit': async () => ({ query: '?limit=5' }),
  'GET /api/v1/basemap': async () => {
    // A deployment with a vector base map: the header of a PMTiles v3 archive is all the route looks at.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'walk-basemap-')), 'base.pmtiles');
    writeFileSync(file, Buffer.concat([Buffer.from('PMTiles\x03', 'latin1'), Buffer.alloc(120)]));
    process.env.BASEMAP_PMTILES = file;
    return { headers: { range: 'bytes=0-6' }, status: 206 };
  },
  'GET /api/v1/blocks/[block]/panel': async () => ({ params: { block: world.block } }),
  'GET /api/v1/briefing/pdf': async () =>
    // Without Chromium the route answers 503 pdf_unavailable by design; with it, a real PDF of the stub page.
    existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')
      ? { query: '?week=2026-W40' }
      : { status: 503 },
  'GET /api/v1/briefing': async () => ({ query: '?week=2026-W47' }),
  'POST /api/v1/complaints/[id]/classification': async () => ({
    params: { id: String(await aStoredComplaint(true)) },
    body: { category: 'housing.lift-broken' },
    status: 201,
  }),
  'GET /api/v1/complaints/[id]/events': async () => ({ params: { id: String(await aStoredComplaint()) } }),
  'POST /api/v1/complaints/[id]/events': async () => ({
    params: { id: String(await aStoredComplaint()) },
    body: { status: 'in_progress' },
    status: 201,
  }),
  'POST /api/v1/complaints/[id]/reclassification': async () => ({
    params: { id: String(await aStoredComplaint()) },
    body: { category: 'construction.long-term' },
    status: 201,
  }),
  'POST /api/v1/complaints/[id]/routing': async () => {
    const id = await aStoredComplaint();
    const facts = await getComplaintFacts(app.ctx.db, id);
    return {
      params: { id: String(id) },
      body: { executor: facts?.executor === 'min-housing' ? 'min-health' : 'min-housing' },
      status: 201,
    };
  },
  'GET /api/v1/complaints': async () => ({ query: '?limit=5' }),
  'POST /api/v1/complaints': async () => ({ body: aComplaint(), status: 200 }),
  'DELETE /api/v1/displays/[id]': async () => ({
    params: { id: String((await pairedDisplay(app.ctx)).displayId) },
  }),
  'PATCH /api/v1/displays/[id]': async () => ({
    params: { id: String((await pairedDisplay(app.ctx, 'r1c2')).displayId) },
    body: { name: 'Зал, правый', screen: 'r3c3' },
  }),
  'GET /api/v1/displays': async () => ({}),
  'POST /api/v1/displays/reload': async () => ({}),
  'POST /api/v1/displays': async () => {
    const waiting = await requestPairing(app.ctx.db, null, app.ctx.now());
    if (!waiting.ok) throw new Error('pairing busy');
    return { body: { code: waiting.code, name: 'Экран обхода', screen: 'r1c2' }, status: 201 };
  },
  'POST /api/v1/imports/open311': async () => ({
    body: {
      baseUrl: feed.url('/v2'),
      since: '2026-11-01T00:00:00+03:00',
      until: '2026-11-02T00:00:00+03:00',
    },
    status: 200,
  }),
  'GET /api/v1/imports/open311/services': async () => ({ query: '?host=127.0.0.1' }),
  'POST /api/v1/imports/open311/services': async () => ({
    body: { baseUrl: feed.url('/v2') },
    status: 200,
  }),
  'PUT /api/v1/imports/open311/services': async () => {
    // A decision needs the service read from that server first.
    await proposeServiceMappings(app.ctx, { baseUrl: feed.url('/v2') });
    return {
      body: {
        host: feed.host,
        mappings: [{ serviceCode: 'walk-pothole', categoryCode: 'transport.pothole' }],
      },
      status: 200,
    };
  },
  'DELETE /api/v1/me/tokens/[id]': async (as) => {
    const issued = await call('POST /api/v1/me/tokens', { body: { label: 'to revoke' }, bearer: as.bearer });
    expect(issued.status).toBe(201);
    const { id } = (await issued.json()) as { id: number };
    return { params: { id: String(id) }, status: 200 };
  },
  'GET /api/v1/me/tokens': async () => ({}),
  'POST /api/v1/me/tokens': async () => ({ body: { label: 'walk', expiresInDays: 7 }, status: 201 }),
  'POST /api/v1/me/totp': async (as) => ({ bearer: (await aPersonWithToken(as.role)).bearer, status: 201 }),
  'PUT /api/v1/me/totp': async (as) => {
    const { bearer } = await aPersonWithToken(as.role);
    return { bearer, body: { code: totpCode(await beganTotp(bearer)) }, status: 200 };
  },
  'DELETE /api/v1/me/totp': async (as) => {
    const { bearer } = await aPersonWithToken(as.role);
    const confirmed = await call('PUT /api/v1/me/totp', {
      bearer,
      body: { code: totpCode(await beganTotp(bearer)) },
    });
    expect(confirmed.status).toBe(200);
    return { bearer, body: { password: PASSWORD }, status: 200 };
  },
  'GET /api/v1/municipalities/[oktmo]/complaints': async () => ({
    params: { oktmo: world.municipality },
    query: `?bbox=${BBOX}`,
  }),
  'GET /api/v1/municipalities/[oktmo]': async () => ({ params: { oktmo: world.municipality } }),
  'GET /api/v1/openapi.json': async () => ({ bearer: null, status: 200 }),
  'POST /api/v1/pairing/link': async () => {
    const link = await createOneTimeLink(app.ctx.db, 'display', 3_600_000, app.ctx.now(), {
      screen: 'r1c1',
      name: 'Экран по ссылке',
    });
    return { bearer: null, body: { token: link.token }, status: 200 };
  },
  'GET /api/v1/pairing': async () => {
    const asked = await call('POST /api/v1/pairing', { bearer: null });
    expect(asked.status).toBe(201);
    const cookie = (asked.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { bearer: null, headers: { cookie }, status: 200 };
  },
  'POST /api/v1/pairing': async () => ({ bearer: null, status: 201 }),
  'POST /api/v1/password': async () => {
    const made = await createUser(app.ctx.db, app.ctx.reference, {
      login: `walk.password${nextPersonNumber()}`,
      displayName: 'Без пароля',
      role: 'analyst',
      createdBy: 'test',
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const link = await issuePasswordLink(
      app.ctx.db,
      { kind: 'system', name: 'test' },
      made.id,
      app.ctx.now(),
    );
    if (!link.ok) throw new Error('no link');
    return {
      bearer: null,
      body: { token: link.link.split('/').at(-1)!, password: 'Novyi-Parol-2026-walk' },
      status: 200,
    };
  },
  'GET /api/v1/playback': async () => ({ query: '?span=24h' }),
  'GET /api/v1/classifier/versions': async () => ({}),
  'POST /api/v1/classifier/read': async () => ({
    body: { text: 'Нет горячей воды третий день, Балашиха, ул. Советская 5' },
  }),
  // The walk's world has too few operator decisions to judge a version by: nothing is trained.
  'POST /api/v1/classifier/retrain': async () => ({ status: 409 }),
  'POST /api/v1/classifier/versions/[id]/rollback': async () => {
    const [retired] = rowsOf<{ id: string | number }>(
      await app.ctx.db.execute(sql`insert into classifier_versions (created_at, trained_from, held_out_from,
        examples, status, threshold, requested_by) values (now(), 0, 0, 0, 'retired', 0.45, 'test') returning id`),
    );
    return { params: { id: String(retired!.id) }, status: 200 };
  },
  'GET /api/v1/incidents': async () => ({ query: `?state=all&block=${world.block}` }),
  'POST /api/v1/incidents/[id]/answer': async () => ({
    params: { id: String(await aLiveIncident()) },
    body: { status: 'acknowledged' },
    status: 200,
  }),
  'GET /api/v1/shift': async () => ({}),
  'GET /api/v1/problems/[id]': async () => ({ params: { id: await anyProblemId() } }),
  'GET /api/v1/problems': async () => ({}),
  'GET /api/v1/quality': async () => ({ query: '?days=7' }),
  'GET /api/v1/reference': async () => ({}),
  'GET /api/v1/regions/[code]': async () => ({ params: { code: 'RU-MOS' } }),
  'GET /api/v1/regions': async () => ({}),
  'POST /api/v1/session': async () => {
    const { login } = await aPersonWithToken('operator');
    return { bearer: null, body: { login, password: PASSWORD }, status: 200 };
  },
  'GET /api/v1/session': async () => ({ status: 200 }),
  'DELETE /api/v1/session': async (as) => ({
    bearer: null,
    headers: { cookie: await signedIn(as.role), origin: ORIGIN },
    status: 200,
  }),
  // The first admin can be made once, before any admin exists: beforeAll made it, this is its answer.
  'POST /api/v1/setup': async () => setupAnswer,
  'DELETE /api/v1/source-keys/[id]': async () => {
    const { id } = await issueCredential(app.ctx.db, {
      kind: 'source',
      sourceCode: 'dobrodel',
      label: 'to revoke',
      createdBy: 'test',
    });
    return { params: { id: String(id) }, status: 204 };
  },
  'GET /api/v1/source-keys': async () => ({}),
  'POST /api/v1/source-keys': async () => ({
    body: { source: 'governor-hotline', label: 'walk key' },
    status: 201,
  }),
  'GET /api/v1/sources/[source]/deliveries': async () => ({ params: { source: 'dobrodel' } }),
  'GET /api/v1/sources/[source]/webhook': async () => {
    await webhookOn('dobrodel');
    return { params: { source: 'dobrodel' }, status: 200 };
  },
  'PUT /api/v1/sources/[source]/webhook': async () => ({
    params: { source: 'incident' },
    body: { url: 'https://incident.example/hooks/cur', secret: 'a-very-secret-key-0123456789' },
  }),
  'DELETE /api/v1/sources/[source]/webhook': async () => {
    await webhookOn('dobrodel');
    return { params: { source: 'dobrodel' }, status: 200 };
  },
  'GET /api/v1/summary': async () => ({}),
  'GET /api/v1/triage': async () => ({ query: '?limit=10' }),
  'POST /api/v1/users/[id]/password-link': async () => ({
    params: { id: String(await aUserId()) },
    status: 201,
  }),
  'PATCH /api/v1/users/[id]': async () => ({
    params: { id: String(await aUserId()) },
    body: { displayName: 'Новое имя' },
    status: 200,
  }),
  'GET /api/v1/users': async () => ({}),
  'POST /api/v1/users': async () => ({
    body: { login: `walk.new${nextPersonNumber()}`, displayName: 'Новый сотрудник', role: 'analyst' },
    status: 201,
  }),
  'POST /api/v1/webhook-deliveries/[id]/retry': async () => {
    await webhookOn('dobrodel');
    await enqueue(app.ctx, [anAnswer({ sourceCode: 'dobrodel' })]);
    const [row] = rowsOf<{ id: number }>(
      await app.ctx.db.execute(
        sql`update webhook_deliveries set status = 'failed'
            where id = (select max(id) from webhook_deliveries where source_code = 'dobrodel') returning id`,
      ),
    );
    const id = Number(row!.id);
    return { params: { id: String(id) }, status: 200 };
  },
  'GET /healthz': async () => ({ status: 200 }),
  'GET /open311/v2/requests.json': async () => ({ bearer: null, status: 200 }),
  'POST /open311/v2/requests.json': async () => ({
    bearer: sourceKey,
    body: {
      service_code: 'transport.pothole',
      lat: TOWNS.podolsk[0],
      long: TOWNS.podolsk[1],
      description: 'Яма у подъезда',
    },
    status: 201,
  }),
  'GET /open311/v2/requests/[id]': async () => ({
    bearer: null,
    params: { id: `${await aStoredComplaint()}.json` },
    status: 200,
  }),
  'GET /open311/v2/services.json': async () => ({ bearer: null, status: 200 }),
};

export async function aUserId(): Promise<number> {
  const made = await createUser(app.ctx.db, app.ctx.reference, {
    login: `walk.user${nextPersonNumber()}`,
    displayName: 'Сотрудник',
    role: 'analyst',
    createdBy: 'test',
  });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.id;
}
