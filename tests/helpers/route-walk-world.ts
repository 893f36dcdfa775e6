import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { complaints } from '@/db/schema';
import { ROLES, type Actor, type Role } from '@/lib/domain/access';
import { createUser } from '@/lib/identity/create-user';
import { displayGrant, GRID_SCREEN } from '@/lib/identity/display-grant';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { issueCredential } from '@/lib/identity/issue-credential';
import { createOneTimeLink } from '@/lib/identity/one-time-links';
import { getComplaintFacts } from '@/lib/lifecycle/get-complaint-facts';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint, TOWNS } from './complaint-factory';
import { grantDisplay, personalToken } from './identities';
import { PASSWORD } from './identity-client';
import { WebhookReceiver } from './webhook-receiver';
import { createRegisteredTestApp, type TestApp } from './test-context';
import { call } from './route-table';

/**
 * The world the route walk works in (tests/integration/route-walk*.test.ts): a registered app, a token per role,
 * a grid display and a source key, a GeoReport stub, and the complaint, municipality, executor and block the
 * scoped checks use. Each test file sets it up in its own beforeAll.
 */

/** Numbers the people the walk creates. */
let personCounter = 0;

/** A fresh number for a login the walk makes up. */
export function nextPersonNumber(): number {
  personCounter += 1;
  return personCounter;
}
export let app: TestApp;
export let feed: WebhookReceiver;
export const tokens = new Map<Role, string>();
export let displayToken: string;
export let sourceKey: string;
export let setupAnswer: Response;
export const saved: Record<string, string | undefined> = {};
/** A municipality (of the Balashikha complaints), an executor of one, and the block they are in. */
export const world = {
  municipality: '',
  otherMunicipality: '',
  executor: '',
  otherExecutor: '',
  block: '',
  otherBlock: '',
};

/** The whole-wall ('grid') display the walk calls with: every view of the layout's screens. */
export const GRID_DISPLAY: Actor = {
  kind: 'display',
  displayId: 0,
  name: 'grid',
  screen: GRID_SCREEN,
  grant: displayGrant(loadWallConfig(), GRID_SCREEN),
  credentialId: 0,
};

export function userActor(role: Role): Actor {
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
export async function aStoredComplaint(vague = false): Promise<number> {
  const [made] = await recordComplaints(app.ctx, [
    aComplaint(vague ? { category: undefined, text: 'Здравствуйте, подскажите пожалуйста' } : {}),
  ]);
  if (made?.status !== 'created') throw new Error(`intake: ${JSON.stringify(made)}`);
  return made.id!;
}

/** A person with a password and a personal token of their own. */
export async function aPersonWithToken(role: Role): Promise<{ login: string; bearer: string }> {
  personCounter += 1;
  const login = `walk${personCounter}.${role.replace('_', '')}`;
  const made = await createUser(app.ctx.db, app.ctx.reference, {
    login,
    displayName: `Обходчик ${personCounter}`,
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

export function scopesFor(role: Role): string[] {
  if (role === 'block_lead') return [world.block];
  if (role === 'municipal') return [world.municipality];
  if (role === 'executor') return [world.executor];
  return [];
}

export async function signedIn(role: Role): Promise<string> {
  const { login } = await aPersonWithToken(role);
  const answer = await call('POST /api/v1/session', { body: { login, password: PASSWORD }, bearer: null });
  expect(answer.status).toBe(200);
  return (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export const totpCode = (secret: string) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000)), 6);

export async function beganTotp(bearer: string): Promise<string> {
  const begun = await call('POST /api/v1/me/totp', { bearer });
  expect(begun.status).toBe(201);
  return ((await begun.json()) as { secret: string }).secret;
}

export async function webhookOn(source: string): Promise<void> {
  const put = await call('PUT /api/v1/sources/[source]/webhook', {
    params: { source },
    body: { url: 'https://dobrodel.example/hooks/cur', secret: 'a-very-secret-key-0123456789' },
    bearer: tokens.get('admin')!,
  });
  expect([200, 201]).toContain(put.status);
}

export async function anyProblemId(): Promise<string> {
  const id = await aStoredComplaint();
  const [row] = await app.ctx.db
    .select({ problemId: complaints.problemId })
    .from(complaints)
    .where(eq(complaints.id, id));
  if (!row?.problemId) throw new Error('the complaint joined no problem');
  return String(row.problemId);
}

export const BBOX = (() => {
  const [lat, lon] = TOWNS.balashikha;
  return `${lon - 0.2},${lat - 0.2},${lon + 0.2},${lat + 0.2}`;
})();

// ---------------------------------------------------------------------------------------------------------

/** Everything the walk needs, on a fresh registered app; call in beforeAll (60 s). */
export async function setUpWalk(): Promise<void> {
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
  feed.script('/v2/services.json', [
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { service_code: 'walk-pothole', service_name: 'Яма на дороге', description: 'Яма' },
      ]),
    },
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
}

export async function tearDownWalk(): Promise<void> {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  await feed?.close();
  await app?.close();
}
