import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaints } from '@/db/schema';
import { can, ROLES, type Action, type Actor, type Role } from '@/lib/domain/access';
import { routeAccessOf, type RouteAccess } from '@/lib/http/handle-route';
import { createUser } from '@/lib/identity/create-user';
import { displayGrant, GRID_SCREEN } from '@/lib/identity/display-grant';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { issueCredential } from '@/lib/identity/issue-credential';
import { issuePasswordLink } from '@/lib/identity/password-link';
import { createOneTimeLink } from '@/lib/identity/one-time-links';
import { requestPairing } from '@/lib/identity/request-pairing';
import { getComplaintFacts } from '@/lib/lifecycle/get-complaint-facts';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { grantDisplay, pairedDisplay, personalToken } from '../helpers/identities';
import { PASSWORD } from '../helpers/identity-client';
import { anAnswer, enqueue } from '../helpers/webhook-fixtures';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

/**
 * The acceptance walk of issue 13: every exported method of every route file declares its access; anonymous
 * callers get 401, roles without the action 403, roles with it a 2xx on a valid request. A new route file fails
 * here until it has a fixture below (and, if public, a line in PUBLIC).
 */

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const APP_DIR = path.join(process.cwd(), 'app');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface RouteEntry {
  key: string;
  method: string;
  path: string;
  handler: Handler;
  access: RouteAccess | null;
}

const ROUTES: RouteEntry[] = [];
for (const file of routeFiles(APP_DIR).sort()) {
  const routePath = '/' + path.relative(APP_DIR, path.dirname(file)).split(path.sep).join('/');
  const module = (await import(file)) as Record<string, unknown>;
  for (const method of METHODS) {
    if (!(method in module)) continue;
    const handler = module[method] as Handler;
    ROUTES.push({
      key: `${method} ${routePath}`,
      method,
      path: routePath,
      handler,
      access: routeAccessOf(handler),
    });
  }
}
const handlerOf = (key: string): Handler => {
  const found = ROUTES.find((r) => r.key === key);
  if (!found) throw new Error(`no route ${key}`);
  return found.handler;
};

/** Public on purpose; everything else needs an identity. A new public route must be added here deliberately. */
const PUBLIC = [
  'GET /healthz',
  'GET /api/v1/openapi.json',
  'GET /open311/v2/services.json',
  'GET /open311/v2/requests.json',
  'POST /open311/v2/requests.json',
  'GET /open311/v2/requests/[id]',
  'POST /api/v1/session',
  'GET /api/v1/session',
  'POST /api/v1/setup',
  'POST /api/v1/password',
  'GET /api/v1/pairing',
  'POST /api/v1/pairing',
  'POST /api/v1/pairing/link',
].sort();

// ---------------------------------------------------------------------------------------------------------
// Calling handlers as Next would

const ORIGIN = 'http://test.local';
let addressCounter = 0;

interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A body that is not JSON, with its content type. */
  raw?: { body: string; type: string };
  /** Default: the caller's token; null sends none. */
  bearer?: string | null;
  headers?: Record<string, string>;
  /** The exact status expected; default any 2xx. */
  status?: number;
}

function concretePath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? '1'));
}

/** Params for a call the gate refuses before the handler reads them. */
function dummyParams(template: string): Record<string, string> {
  return Object.fromEntries([...template.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, '1']));
}

async function invoke(
  route: { method: string; path: string; handler: Handler },
  call: Call,
): Promise<Response> {
  const params = call.params ?? dummyParams(route.path);
  addressCounter += 1;
  const headers: Record<string, string> = {
    host: 'test.local',
    // Each call its own client address: the sign-in and pairing throttles count per address.
    'x-cur-client-address': `10.77.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`,
    ...call.headers,
  };
  if (call.bearer) headers.authorization = `Bearer ${call.bearer}`;
  let body: string | undefined;
  if (call.raw) {
    body = call.raw.body;
    headers['content-type'] = call.raw.type;
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  const request = new Request(`${ORIGIN}${concretePath(route.path, params)}${call.query ?? ''}`, {
    method: route.method,
    headers,
    body,
  });
  return route.handler(request, { params: Promise.resolve(params) });
}

const call = (key: string, c: Call) => {
  const [method, routePath] = key.split(' ') as [string, string];
  return invoke({ method, path: routePath, handler: handlerOf(key) }, c);
};

// ---------------------------------------------------------------------------------------------------------
// The world the fixtures work in

let app: TestApp;
let feed: WebhookReceiver;
const tokens = new Map<Role, string>();
let displayToken: string;
let sourceKey: string;
let setupAnswer: Response;
const saved: Record<string, string | undefined> = {};
/** A municipality (of the Balashikha complaints), an executor of one, and the block they are in. */
const world = {
  municipality: '',
  otherMunicipality: '',
  executor: '',
  otherExecutor: '',
  block: '',
  otherBlock: '',
};

/** The whole-wall ('grid') display the walk calls with: every view of the layout's screens. */
const GRID_DISPLAY: Actor = {
  kind: 'display',
  displayId: 0,
  name: 'grid',
  screen: GRID_SCREEN,
  grant: displayGrant(loadWallConfig(), GRID_SCREEN),
  credentialId: 0,
};

function userActor(role: Role): Actor {
  return {
    kind: 'user',
    userId: 0,
    login: 'walk',
    name: 'walk',
    role,
    scopes: { blocks: [], municipalities: [], executors: [] },
    credentialId: 0,
    via: 'personal',
  };
}

/** A complaint as intake stores it (routed), or waiting in the operator queue when `vague`. */
async function aStoredComplaint(vague = false): Promise<number> {
  const [made] = await recordComplaints(app.ctx, [
    aComplaint(vague ? { category: undefined, text: 'Здравствуйте, подскажите пожалуйста' } : {}),
  ]);
  if (made?.status !== 'created') throw new Error(`intake: ${JSON.stringify(made)}`);
  return made.id!;
}

/** A person with a password and a personal token of their own. */
async function aPersonWithToken(role: Role): Promise<{ login: string; bearer: string }> {
  addressCounter += 1;
  const login = `walk${addressCounter}.${role.replace('_', '')}`;
  const made = await createUser(app.ctx.db, app.ctx.reference, {
    login,
    displayName: `Обходчик ${addressCounter}`,
    role,
    scopes: scopesFor(role),
    password: PASSWORD,
    createdBy: 'test',
  });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  const { secret } = await issueCredential(app.ctx.db, {
    kind: 'personal',
    userId: made.id,
    label: 'walk',
    createdBy: 'test',
  });
  return { login, bearer: secret };
}

function scopesFor(role: Role): string[] {
  if (role === 'block_lead') return [world.block];
  if (role === 'municipal') return [world.municipality];
  if (role === 'executor') return [world.executor];
  return [];
}

async function signedIn(role: Role): Promise<string> {
  const { login } = await aPersonWithToken(role);
  const answer = await call('POST /api/v1/session', { body: { login, password: PASSWORD }, bearer: null });
  expect(answer.status).toBe(200);
  return (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const totpCode = (secret: string) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000)), 6);

async function beganTotp(bearer: string): Promise<string> {
  const begun = await call('POST /api/v1/me/totp', { bearer });
  expect(begun.status).toBe(201);
  return ((await begun.json()) as { secret: string }).secret;
}

async function webhookOn(source: string): Promise<void> {
  const put = await call('PUT /api/v1/sources/[source]/webhook', {
    params: { source },
    body: { url: 'https://dobrodel.example/hooks/cur', secret: 'a-very-secret-key-0123456789' },
    bearer: tokens.get('admin')!,
  });
  expect([200, 201]).toContain(put.status);
}

async function anyProblemId(): Promise<string> {
  const id = await aStoredComplaint();
  const [row] = await app.ctx.db
    .select({ problemId: complaints.problemId })
    .from(complaints)
    .where(eq(complaints.id, id));
  if (!row?.problemId) throw new Error('the complaint joined no problem');
  return String(row.problemId);
}

const BBOX = (() => {
  const [lat, lon] = TOWNS.balashikha;
  return `${lon - 0.2},${lat - 0.2},${lon + 0.2},${lat + 0.2}`;
})();

// ---------------------------------------------------------------------------------------------------------
// One valid call per route. `as` is the caller the walk picked (a role holding the route's action).

type Fixture = (as: { role: Role; bearer: string }) => Promise<Call | Response>;

const FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/audit': async () => ({ query: '?limit=5' }),
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
    body: { name: 'Зал, правый', screen: 'r1c3' },
  }),
  'GET /api/v1/displays': async () => ({}),
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
      login: `walk.password${++addressCounter}`,
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
    body: { login: `walk.new${++addressCounter}`, displayName: 'Новый сотрудник', role: 'analyst' },
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

async function aUserId(): Promise<number> {
  const made = await createUser(app.ctx.db, app.ctx.reference, {
    login: `walk.user${++addressCounter}`,
    displayName: 'Сотрудник',
    role: 'analyst',
    createdBy: 'test',
  });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  return made.id;
}

// ---------------------------------------------------------------------------------------------------------

beforeAll(async () => {
  app = await createRegisteredTestApp();
  // Before any admin exists: the first-admin link works once.
  const link = await createOneTimeLink(app.ctx.db, 'first_admin', 3_600_000, app.ctx.now());
  setupAnswer = await call('POST /api/v1/setup', {
    bearer: null,
    body: {
      token: link.token,
      login: 'walk.first',
      displayName: 'Первый администратор',
      password: 'Pervyi-Admin-2026',
    },
  });

  const sample = await aStoredComplaint();
  const facts = (await getComplaintFacts(app.ctx.db, sample))!;
  world.municipality = facts.municipality!;
  world.executor = facts.executor!;
  world.block = facts.block!;
  world.otherMunicipality = [...app.ctx.reference.municipalities.keys()].find(
    (m) => m !== world.municipality,
  )!;
  world.otherExecutor = [...app.ctx.reference.executors.keys()].find((e) => e !== world.executor)!;
  world.otherBlock = [...app.ctx.reference.blocks.keys()].find((b) => b !== world.block)!;

  for (const role of ROLES) tokens.set(role, await personalToken(app.ctx, role, scopesFor(role)));
  displayToken = await grantDisplay(app.ctx, GRID_SCREEN);
  sourceKey = (
    await issueCredential(app.ctx.db, {
      kind: 'source',
      sourceCode: 'dobrodel',
      label: 'walk',
      createdBy: 'test',
    })
  ).secret;

  // A GeoReport server to import from, and the app's own origin for the PDF renderer: one stub serves both.
  feed = new WebhookReceiver();
  await feed.start();
  feed.script('/v2/requests.json', [
    { status: 200, headers: { 'content-type': 'application/json' }, body: '[]' },
  ]);
  feed.script('/briefing', [
    {
      status: 200,
      headers: { 'content-type': 'text/html' },
      body: '<!doctype html><div data-testid="briefing-deck" data-briefing-ready="true" data-slide-count="1"><svg data-map-ready="true" width="10" height="10"></svg></div>',
    },
  ]);
  for (const name of ['OPEN311_IMPORT_HOSTS', 'EGRESS_ALLOW_HOSTS', 'HOST', 'PORT'])
    saved[name] = process.env[name];
  process.env.OPEN311_IMPORT_HOSTS = '127.0.0.1';
  process.env.EGRESS_ALLOW_HOSTS = feed.host;
  process.env.HOST = '127.0.0.1';
  process.env.PORT = feed.host.split(':')[1];
}, 60_000);

afterAll(async () => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await feed?.close();
  await app?.close();
});

async function expectUnauthenticated(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  const body = (await response.json()) as { error: { errors: { field: string }[] } };
  expect(body).toEqual({
    error: {
      status: 401,
      code: 'unauthenticated',
      message: expect.any(String),
      errors: [{ field: 'authorization', message: expect.any(String) }],
    },
  });
}

async function expectForbidden(response: Response, what: string): Promise<void> {
  expect(response.status, what).toBe(403);
  const body = (await response.json()) as { error: { code: string; errors: { field: string }[] } };
  expect(body.error.code, what).toBe('forbidden');
  expect(body.error.errors[0]?.field, what).toBe('authorization');
}

async function expectSuccess(response: Response, expected: number | undefined, what: string): Promise<void> {
  const text = response.status === 204 ? '' : await response.clone().text();
  if (expected !== undefined) expect(response.status, `${what}: ${text.slice(0, 300)}`).toBe(expected);
  else
    expect(
      response.status >= 200 && response.status < 300,
      `${what} → ${response.status}: ${text.slice(0, 300)}`,
    ).toBe(true);
}

describe('the route table', () => {
  it('finds the routes, each built by route() with a declared access', () => {
    expect(ROUTES.length).toBeGreaterThan(40);
    expect(ROUTES.filter((r) => r.access === null).map((r) => r.key)).toEqual([]);
  });

  it('has exactly the listed public routes', () => {
    const publicRoutes = ROUTES.filter((r) => r.access && 'public' in r.access).map((r) => r.key);
    expect(publicRoutes.sort()).toEqual(PUBLIC);
    for (const r of ROUTES.filter((r) => r.access && 'public' in r.access))
      expect((r.access as { public: string }).public.length, r.key).toBeGreaterThan(5);
  });

  it('has a fixture for every route, and none for a route that is gone', () => {
    const keys = ROUTES.map((r) => r.key).sort();
    expect(keys.filter((k) => !(k in FIXTURES))).toEqual([]);
    expect(Object.keys(FIXTURES).filter((k) => !keys.includes(k))).toEqual([]);
  });
});

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

for (const route of ROUTES) {
  const access = route.access;
  if (!access) continue;
  describe(route.key, () => {
    if ('public' in access) {
      it('public: a valid call answers 2xx', async () => {
        const fixture = FIXTURES[route.key];
        if (!fixture) throw new Error(`no fixture for ${route.key}`);
        const made = await fixture({ role: 'admin', bearer: tokens.get('admin')! });
        const response =
          made instanceof Response ? made : await invoke(route, { bearer: tokens.get('admin'), ...made });
        await expectSuccess(response, made instanceof Response ? undefined : made.status, route.key);
      }, 30_000);
      return;
    }
    const action: Action = access.action;

    it('anonymous → 401 with the documented body and a challenge', async () => {
      await expectUnauthenticated(await invoke(route, { bearer: null }));
      // A forged token is nobody either.
      await expectUnauthenticated(await invoke(route, { bearer: 'cur_pat_forged0000000000000000' }));
    });

    it('roles without the action → 403', async () => {
      const lacking = ROLES.filter((role) => !can(userActor(role), action).ok);
      for (const role of lacking)
        await expectForbidden(await invoke(route, { bearer: tokens.get(role)! }), `${route.key} as ${role}`);
      if (route.key !== 'POST /api/v1/complaints')
        await expectForbidden(await invoke(route, { bearer: sourceKey }), `${route.key} with a source key`);
      // A display (even the whole-wall grid) reads its views and never writes.
      if (isWrite(route.method))
        expect(can(GRID_DISPLAY, action).ok, `${route.key}: a display may write`).toBe(false);
      if (!can(GRID_DISPLAY, action).ok)
        await expectForbidden(await invoke(route, { bearer: displayToken }), `${route.key} as a display`);
    });

    if (can(GRID_DISPLAY, action).ok)
      it('a display with the view and a valid request → 2xx', async () => {
        const fixture = FIXTURES[route.key];
        if (!fixture) throw new Error(`no fixture for ${route.key}`);
        const made = await fixture({ role: 'analyst', bearer: displayToken });
        if (made instanceof Response) throw new Error('a display reads through its own call');
        const response = await invoke(route, { bearer: displayToken, ...made });
        await expectSuccess(response, made.status, `${route.key} as a display`);
      }, 60_000);

    it('roles with the action and a valid request → 2xx', async () => {
      const fixture = FIXTURES[route.key];
      if (!fixture) throw new Error(`no fixture for ${route.key}`);
      const holders = (['admin', 'operator', 'analyst'] as const).filter(
        (role) => can(userActor(role), action).ok,
      );
      expect(holders.length).toBeGreaterThan(0);
      for (const role of holders) {
        const bearer = tokens.get(role)!;
        const made = await fixture({ role, bearer });
        const response = made instanceof Response ? made : await invoke(route, { bearer, ...made });
        await expectSuccess(
          response,
          made instanceof Response ? undefined : made.status,
          `${route.key} as ${role}`,
        );
      }
    }, 60_000);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Scoped roles: the right scope reaches, the wrong one is refused (403) or not even shown to exist (404).

const as = (role: Role, scopes: string[]) => personalToken(app.ctx, role, scopes);

async function statusOf(key: string, c: Call): Promise<number> {
  const response = await call(key, c);
  return response.status;
}

describe('scoped roles reach only their scope', () => {
  it('complaint lists: a scoped role asking outside its scope → 403', async () => {
    const lead = await as('block_lead', [world.block]);
    const list = 'GET /api/v1/complaints';
    expect(await statusOf(list, { bearer: lead, query: `?block=${world.block}` })).toBe(200);
    expect(await statusOf(list, { bearer: lead, query: `?block=${world.otherBlock}` })).toBe(403);
    const executor = await as('executor', [world.executor]);
    expect(await statusOf(list, { bearer: executor })).toBe(200);
    expect(await statusOf(list, { bearer: executor, query: `?executor=${world.otherExecutor}` })).toBe(403);
  });

  it('block lead: panel, summary, playback, problems and the drill-down of their block only', async () => {
    const mine = await as('block_lead', [world.block]);
    const theirs = await as('block_lead', [world.otherBlock]);
    const panel = 'GET /api/v1/blocks/[block]/panel';
    expect(await statusOf(panel, { bearer: mine, params: { block: world.block } })).toBe(200);
    expect(await statusOf(panel, { bearer: theirs, params: { block: world.block } })).toBe(403);
    for (const key of ['GET /api/v1/summary', 'GET /api/v1/problems'] as const) {
      expect(await statusOf(key, { bearer: mine, query: `?block=${world.block}` })).toBe(200);
      expect(await statusOf(key, { bearer: theirs, query: `?block=${world.block}` })).toBe(403);
      // The whole region is beyond any block lead.
      expect(await statusOf(key, { bearer: mine })).toBe(403);
    }
    const playback = 'GET /api/v1/playback';
    expect(await statusOf(playback, { bearer: mine, query: `?span=24h&block=${world.block}` })).toBe(200);
    expect(await statusOf(playback, { bearer: theirs, query: `?span=24h&block=${world.block}` })).toBe(403);
    expect(await statusOf(playback, { bearer: mine, query: '?span=24h' })).toBe(403);
    const drill = 'GET /api/v1/municipalities/[oktmo]';
    const town = { oktmo: world.municipality };
    expect(await statusOf(drill, { bearer: mine, params: town, query: `?block=${world.block}` })).toBe(200);
    expect(await statusOf(drill, { bearer: theirs, params: town, query: `?block=${world.block}` })).toBe(403);
    expect(await statusOf(drill, { bearer: mine, params: town })).toBe(403);
    const problem = await anyProblemId();
    expect(await statusOf('GET /api/v1/problems/[id]', { bearer: mine, params: { id: problem } })).toBe(200);
    expect(await statusOf('GET /api/v1/problems/[id]', { bearer: theirs, params: { id: problem } })).toBe(
      404,
    );
  });

  it('a block display: its block’s panel, summary and problems only', async () => {
    // r1c2 of the default layout shows the health block.
    const display = await grantDisplay(app.ctx, 'r1c2');
    const panel = 'GET /api/v1/blocks/[block]/panel';
    expect(await statusOf(panel, { bearer: display, params: { block: 'health' } })).toBe(200);
    expect(await statusOf(panel, { bearer: display, params: { block: 'education' } })).toBe(403);
    for (const key of ['GET /api/v1/summary', 'GET /api/v1/problems'] as const) {
      expect(await statusOf(key, { bearer: display, query: '?block=health' }), key).toBe(200);
      expect(await statusOf(key, { bearer: display, query: '?block=education' }), key).toBe(403);
      expect(await statusOf(key, { bearer: display }), key).toBe(403);
    }
    expect(
      await statusOf('GET /api/v1/playback', { bearer: display, query: '?span=24h&block=education' }),
    ).toBe(403);
    // Its grant names the wall view only: not the triage queue, the briefing or the network.
    for (const key of ['GET /api/v1/triage', 'GET /api/v1/briefing', 'GET /api/v1/regions'])
      expect(await statusOf(key, { bearer: display }), key).toBe(403);
  });

  it('municipal user: the drill-down, its complaints, summary and playback of their municipality only', async () => {
    const mine = await as('municipal', [world.municipality]);
    const theirs = await as('municipal', [world.otherMunicipality]);
    for (const key of [
      'GET /api/v1/municipalities/[oktmo]',
      'GET /api/v1/municipalities/[oktmo]/complaints',
    ]) {
      const c = { params: { oktmo: world.municipality }, query: `?bbox=${BBOX}` };
      expect(await statusOf(key, { ...c, bearer: mine }), key).toBe(200);
      expect([403, 404], key).toContain(await statusOf(key, { ...c, bearer: theirs }));
    }
    const q = `?municipality=${world.municipality}`;
    expect(await statusOf('GET /api/v1/summary', { bearer: mine, query: q })).toBe(200);
    expect(await statusOf('GET /api/v1/summary', { bearer: theirs, query: q })).toBe(403);
    expect(await statusOf('GET /api/v1/summary', { bearer: mine })).toBe(403);
    expect(
      await statusOf('GET /api/v1/playback', {
        bearer: mine,
        query: `?span=24h&municipality=${world.municipality}`,
      }),
    ).toBe(200);
    expect(
      await statusOf('GET /api/v1/playback', {
        bearer: theirs,
        query: `?span=24h&municipality=${world.municipality}`,
      }),
    ).toBe(403);
  });

  it('complaint history and events: executor, block lead and municipal user of that complaint only', async () => {
    const id = String(await aStoredComplaint());
    const facts = (await getComplaintFacts(app.ctx.db, Number(id)))!;
    const events = { params: { id } };
    const history = 'GET /api/v1/complaints/[id]/events';
    const post = 'POST /api/v1/complaints/[id]/events';

    const executor = await as('executor', [facts.executor!]);
    const otherExecutor = await as('executor', [world.otherExecutor]);
    expect(await statusOf(history, { ...events, bearer: executor })).toBe(200);
    expect(await statusOf(history, { ...events, bearer: otherExecutor })).toBe(404);
    expect(await statusOf(post, { ...events, bearer: otherExecutor, body: { status: 'in_progress' } })).toBe(
      404,
    );
    expect(await statusOf(post, { ...events, bearer: executor, body: { status: 'in_progress' } })).toBe(201);

    const lead = await as('block_lead', [facts.block!]);
    const otherLead = await as('block_lead', [world.otherBlock]);
    expect(await statusOf(history, { ...events, bearer: lead })).toBe(200);
    expect(await statusOf(history, { ...events, bearer: otherLead })).toBe(404);
    // A block lead reads but does not move a complaint.
    expect(await statusOf(post, { ...events, bearer: lead, body: { status: 'on_vote' } })).toBe(403);

    const second = { params: { id: String(await aStoredComplaint()) } };
    const municipal = await as('municipal', [facts.municipality!]);
    const otherMunicipal = await as('municipal', [world.otherMunicipality]);
    expect(await statusOf(history, { ...events, bearer: otherMunicipal })).toBe(404);
    expect(await statusOf(post, { ...events, bearer: otherMunicipal, body: { status: 'on_vote' } })).toBe(
      404,
    );
    expect(await statusOf(post, { ...second, bearer: municipal, body: { status: 'on_vote' } })).toBe(201);
  });

  it('routing: a block lead re-routes in their block only; executors and municipal users not at all', async () => {
    const id = String(await aStoredComplaint());
    const facts = (await getComplaintFacts(app.ctx.db, Number(id)))!;
    const to = facts.executor === 'min-housing' ? 'min-health' : 'min-housing';
    const routing = 'POST /api/v1/complaints/[id]/routing';
    const c = { params: { id }, body: { executor: to } };
    expect(await statusOf(routing, { ...c, bearer: await as('block_lead', [world.otherBlock]) })).toBe(404);
    expect(await statusOf(routing, { ...c, bearer: await as('executor', [facts.executor!]) })).toBe(403);
    expect(await statusOf(routing, { ...c, bearer: await as('municipal', [facts.municipality!]) })).toBe(403);
    expect(await statusOf(routing, { ...c, bearer: await as('block_lead', [facts.block!]) })).toBe(201);
  });
});

describe('source keys post for their own source only', () => {
  it('refuses another source naming `source`, stores nothing, and takes its own', async () => {
    const other = [...app.ctx.reference.sources.keys()].find((s) => s !== 'dobrodel')!;
    const foreign = aComplaint({ source: other });
    const refused = await call('POST /api/v1/complaints', { bearer: sourceKey, body: foreign });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { code: string; errors: { field: string }[] } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.errors.map((e) => e.field)).toEqual(['source']);
    const stored = await app.ctx.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.externalId, foreign.externalId!));
    expect(stored).toEqual([]);

    const batch = await call('POST /api/v1/complaints', {
      bearer: sourceKey,
      body: { complaints: [aComplaint(), aComplaint({ source: other })] },
    });
    expect(batch.status).toBe(403);
    expect(((await batch.json()) as { error: { errors: { field: string }[] } }).error.errors[0]!.field).toBe(
      'complaints[1].source',
    );

    const own = await call('POST /api/v1/complaints', { bearer: sourceKey, body: aComplaint() });
    expect(own.status).toBe(200);
  });

  it('a key bound to a region refuses another region', async () => {
    const { secret } = await issueCredential(app.ctx.db, {
      kind: 'source',
      sourceCode: 'dobrodel',
      regionCode: 'RU-SPE',
      label: 'region key',
      createdBy: 'test',
    });
    // A key for another region's center may not post for this one (a complaint without `region` is ours).
    const elsewhere = await call('POST /api/v1/complaints', { bearer: secret, body: aComplaint() });
    expect(elsewhere.status).toBe(403);
    expect(
      ((await elsewhere.json()) as { error: { errors: { field: string }[] } }).error.errors[0]!.field,
    ).toBe('source');
  });
});
