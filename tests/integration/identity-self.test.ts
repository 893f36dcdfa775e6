import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as password from '@/app/api/v1/password/route';
import * as session from '@/app/api/v1/session/route';
import * as setup from '@/app/api/v1/setup/route';
import * as tokens from '@/app/api/v1/me/tokens/route';
import * as token from '@/app/api/v1/me/tokens/[id]/route';
import { users } from '@/db/schema';
import { authenticateSecret } from '@/lib/identity/authenticate';
import { createOneTimeLink } from '@/lib/identity/one-time-links';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { aPerson, cookieOf, PASSWORD, request } from '../helpers/identity-client';
import { eq } from 'drizzle-orm';

let app: TestApp;
const now = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => now });
});
afterAll(() => app.close());

const signIn = async (login: string, address: string) =>
  cookieOf(
    await session.POST(
      request('POST', '/api/v1/session', { body: { login, password: PASSWORD }, address, origin: null }),
    ),
  );

const params = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });

describe('first admin through the one-time link', () => {
  it('creates the admin once, signs them in, and refuses the link a second time', async () => {
    const link = await createOneTimeLink(app.ctx.db, 'first_admin', HOUR, now);
    const body = {
      token: link.token,
      login: 'Chief.Admin',
      displayName: 'Главный администратор',
      password: 'Pervyi-Admin-2026',
    };
    const typo = await setup.POST(
      request('POST', '/api/v1/setup', { body: { ...body, password: 'short' }, address: '10.2.0.1' }),
    );
    expect(typo.status).toBe(400);

    const created = await setup.POST(request('POST', '/api/v1/setup', { body, address: '10.2.0.1' }));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ home: '/admin', user: { login: 'chief.admin' } });
    const auth = await authenticateSecret(app.ctx.db, { cookie: cookieOf(created) }, now);
    expect(auth.actor).toMatchObject({ kind: 'user', login: 'chief.admin', role: 'admin' });
    const [row] = await app.ctx.db.select().from(users).where(eq(users.login, 'chief.admin'));
    expect(row?.createdBy).toBe('first-admin-link');

    const again = await setup.POST(
      request('POST', '/api/v1/setup', { body: { ...body, login: 'second.admin' }, address: '10.2.0.1' }),
    );
    expect(again.status).toBe(410);
  });

  it('refuses a fresh link once an admin exists', async () => {
    const link = await createOneTimeLink(app.ctx.db, 'first_admin', HOUR, now);
    const response = await setup.POST(
      request('POST', '/api/v1/setup', {
        body: {
          token: link.token,
          login: 'late.admin',
          displayName: 'Опоздавший',
          password: 'Pozdno-Uzhe-2026',
        },
        address: '10.2.0.2',
      }),
    );
    expect(response.status).toBe(409);
    expect(await app.ctx.db.select().from(users).where(eq(users.login, 'late.admin'))).toEqual([]);
  });
});

describe('setting a password through a link', () => {
  it('sets the password once; the person can then sign in with it', async () => {
    const login = await aPerson(app, 'analyst');
    const [user] = await app.ctx.db.select().from(users).where(eq(users.login, login));
    const link = await createOneTimeLink(app.ctx.db, 'set_password', HOUR, now, { userId: user!.id });
    const weak = await password.POST(
      request('POST', '/api/v1/password', {
        body: { token: link.token, password: 'aaaa' },
        address: '10.2.0.3',
      }),
    );
    expect(weak.status).toBe(400);
    const body = { token: link.token, password: 'Novyi-Parol-2026' };
    const set = await password.POST(request('POST', '/api/v1/password', { body, address: '10.2.0.3' }));
    expect(set.status).toBe(200);
    const reused = await password.POST(request('POST', '/api/v1/password', { body, address: '10.2.0.3' }));
    expect(reused.status).toBe(410);
    const signedIn = await session.POST(
      request('POST', '/api/v1/session', {
        body: { login, password: 'Novyi-Parol-2026' },
        address: '10.2.0.3',
        origin: null,
      }),
    );
    expect(signedIn.status).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('shows the secret once, never lists it, and a revoked token stops working', async () => {
    const login = await aPerson(app, 'operator');
    const cookie = await signIn(login, '10.2.0.4');
    const issued = await tokens.POST(
      request('POST', '/api/v1/me/tokens', { cookie, body: { label: 'Скрипт выгрузки', expiresInDays: 30 } }),
    );
    expect(issued.status).toBe(201);
    const { id, secret, expiresAt } = (await issued.json()) as {
      id: number;
      secret: string;
      expiresAt: string;
    };
    expect(secret).toMatch(/^cur_pat_/);
    expect(Date.parse(expiresAt) - now.getTime()).toBe(30 * 24 * HOUR);

    const byToken = await session.GET(request('GET', '/api/v1/session', { bearer: secret }));
    expect(await byToken.json()).toMatchObject({ kind: 'user', via: 'personal', user: { login } });

    const listed = await tokens.GET(request('GET', '/api/v1/me/tokens', { cookie }));
    const text = await listed.text();
    expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ tokens: [{ id, label: 'Скрипт выгрузки', revokedAt: null }] });

    const revoked = await token.DELETE(request('DELETE', `/api/v1/me/tokens/${id}`, { cookie }), params(id));
    expect(revoked.status).toBe(200);
    const after = await tokens.GET(request('GET', '/api/v1/me/tokens', { bearer: secret }));
    expect(after.status).toBe(401);
  });

  it("answers 404 for another person's token and leaves it working", async () => {
    const owner = await aPerson(app, 'analyst');
    const other = await aPerson(app, 'operator');
    const ownerCookie = await signIn(owner, '10.2.0.5');
    const otherCookie = await signIn(other, '10.2.0.5');
    const issued = await tokens.POST(
      request('POST', '/api/v1/me/tokens', { cookie: ownerCookie, body: { label: 'Мой' } }),
    );
    const { id, secret } = (await issued.json()) as { id: number; secret: string };
    const foreign = await token.DELETE(
      request('DELETE', `/api/v1/me/tokens/${id}`, { cookie: otherCookie }),
      params(id),
    );
    expect(foreign.status).toBe(404);
    expect((await tokens.GET(request('GET', '/api/v1/me/tokens', { bearer: secret }))).status).toBe(200);
    const missing = await token.DELETE(
      request('DELETE', '/api/v1/me/tokens/999999', { cookie: otherCookie }),
      params(999999),
    );
    expect(missing.status).toBe(404);
  });

  it('refuses anonymous callers, a label of nothing visible, and a cookie write from a foreign Origin', async () => {
    expect((await tokens.GET(request('GET', '/api/v1/me/tokens'))).status).toBe(401);
    const cookie = await signIn(await aPerson(app), '10.2.0.6');
    const blank = await tokens.POST(
      request('POST', '/api/v1/me/tokens', { cookie, body: { label: '\u200b ' } }),
    );
    expect(blank.status).toBe(400);
    const long = await tokens.POST(
      request('POST', '/api/v1/me/tokens', { cookie, body: { label: 'x', expiresInDays: 400 } }),
    );
    expect(long.status).toBe(400);
    const forged = await tokens.POST(
      request('POST', '/api/v1/me/tokens', { cookie, body: { label: 'x' }, origin: 'https://evil.example' }),
    );
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'cross_site' } });
  });
});
