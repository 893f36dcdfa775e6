import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as session from '@/app/api/v1/session/route';
import * as totp from '@/app/api/v1/me/totp/route';
import { auditLog } from '@/db/schema';
import { authenticateSecret } from '@/lib/identity/authenticate';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { aPerson, cookieOf, PASSWORD, request } from '../helpers/identity-client';

let app: TestApp;
let now = new Date('2026-03-02T09:00:00Z');

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => now });
});
afterAll(() => app.close());

const signIn = (body: unknown, address: string) =>
  session.POST(request('POST', '/api/v1/session', { body, address, origin: null }));

const codeAt = (secret: string, at: Date, step = 0) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(at.getTime() / 30_000) + step), 6);

describe('POST /api/v1/session', () => {
  it('signs in with a case-folded login, sets the session cookie, and the session authenticates', async () => {
    const login = await aPerson(app, 'operator');
    const response = await signIn({ login: login.toUpperCase(), password: PASSWORD }, '10.1.0.1');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { home: string; user: { login: string; role: string } };
    expect(body).toMatchObject({ home: '/triage', user: { login, role: 'operator' } });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^cur_session=cur_ses_/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie).not.toContain('Secure');

    const auth = await authenticateSecret(app.ctx.db, { cookie: cookieOf(response) }, now);
    expect(auth.actor).toMatchObject({ kind: 'user', login, role: 'operator', via: 'session' });

    const who = await session.GET(request('GET', '/api/v1/session', { cookie: cookieOf(response) }));
    expect(who.status).toBe(200);
    expect(await who.json()).toMatchObject({ kind: 'user', user: { login } });
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const login = await aPerson(app);
    const req = request('POST', '/api/v1/session', {
      body: { login, password: PASSWORD },
      address: '10.1.0.9',
      origin: null,
    });
    req.headers.set('x-forwarded-proto', 'https');
    const response = await session.POST(req);
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers a wrong password and an unknown login identically, and audits both without the password', async () => {
    const login = await aPerson(app);
    const wrong = await signIn({ login, password: 'not-the-password-1' }, '10.1.0.2');
    const unknown = await signIn({ login: 'nobody.here', password: 'not-the-password-1' }, '10.1.0.2');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const failed = await app.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'login_failed'));
    const reasons = failed.map((r) => (r.detail as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['wrong_password', 'unknown_login']));
    expect(JSON.stringify(failed)).not.toContain('not-the-password-1');
  });

  it('answers who-am-I with 401 for nobody', async () => {
    const response = await session.GET(request('GET', '/api/v1/session'));
    expect(response.status).toBe(401);
  });

  it('locks the account after five failures in a row, even for the right password, with Retry-After', async () => {
    const login = await aPerson(app);
    for (let i = 0; i < 4; i += 1)
      expect((await signIn({ login, password: `wrong-password-${i}` }, '10.1.0.3')).status).toBe(401);
    const fifth = await signIn({ login, password: 'wrong-password-5' }, '10.1.0.3');
    expect(fifth.status).toBe(423);
    const locked = await signIn({ login, password: PASSWORD }, '10.1.0.3');
    expect(locked.status).toBe(423);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(locked.headers.get('set-cookie')).toBeNull();

    const before = now;
    now = new Date(now.getTime() + 16 * 60_000);
    try {
      expect((await signIn({ login, password: PASSWORD }, '10.1.0.3')).status).toBe(200);
    } finally {
      now = before;
    }
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const login = await aPerson(app);
    const { users } = await import('@/db/schema');
    await app.ctx.db.update(users).set({ disabledAt: now }).where(eq(users.login, login));
    const response = await signIn({ login, password: PASSWORD }, '10.1.0.4');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('throttles sign-in attempts per address with 429 and Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 21; i += 1)
      last = await signIn({ login: 'nobody.here', password: 'whatever-12345' }, '10.1.0.99');
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('asks for the TOTP code when the account has one, refuses a wrong one, and accepts a right one', async () => {
    const login = await aPerson(app, 'admin');
    const first = await signIn({ login, password: PASSWORD }, '10.1.0.5');
    const cookie = cookieOf(first);

    const begun = await totp.POST(request('POST', '/api/v1/me/totp', { cookie }));
    expect(begun.status).toBe(201);
    const { secret, uri, qrSvg } = (await begun.json()) as { secret: string; uri: string; qrSvg: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(uri)).toContain('ЦУР МО');
    expect(uri).toContain(login);
    expect(qrSvg).toContain('<svg');

    const badConfirm = await totp.PUT(
      request('PUT', '/api/v1/me/totp', { cookie, body: { code: '000000' } }),
    );
    expect(badConfirm.status).toBe(400);
    const confirmed = await totp.PUT(
      request('PUT', '/api/v1/me/totp', { cookie, body: { code: codeAt(secret, now) } }),
    );
    expect(confirmed.status).toBe(200);

    const without = await signIn({ login, password: PASSWORD }, '10.1.0.5');
    expect(without.status).toBe(401);
    expect(await without.json()).toMatchObject({ error: { code: 'totp_required' } });
    expect(without.headers.get('set-cookie')).toBeNull();

    const wrongCode = String((Number(codeAt(secret, now, 5)) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await signIn({ login, password: PASSWORD, totp: wrongCode }, '10.1.0.5');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'totp_invalid' } });

    // One period of drift is accepted; the code that confirmed the enrolment (this period's) is spent already.
    const spentAtEnrolment = await signIn(
      { login, password: PASSWORD, totp: codeAt(secret, now) },
      '10.1.0.5',
    );
    expect(await spentAtEnrolment.json()).toMatchObject({ error: { code: 'totp_invalid' } });
    const drifted = await signIn({ login, password: PASSWORD, totp: codeAt(secret, now, 1) }, '10.1.0.5');
    expect(drifted.status).toBe(200);
    // A code signs in once: replayed, or an older one after it, it is refused.
    const replayed = await signIn({ login, password: PASSWORD, totp: codeAt(secret, now, 1) }, '10.1.0.5');
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ error: { code: 'totp_invalid' } });
    const older = await signIn({ login, password: PASSWORD, totp: codeAt(secret, now, -1) }, '10.1.0.5');
    expect(older.status).toBe(401);
    const stale = await signIn({ login, password: PASSWORD, totp: codeAt(secret, now, -3) }, '10.1.0.5');
    expect(stale.status).toBe(401);

    const off = await totp.DELETE(
      request('DELETE', '/api/v1/me/totp', {
        cookie: cookieOf(drifted),
        body: { password: 'wrong-one-123' },
      }),
    );
    expect(off.status).toBe(403);
    const offOk = await totp.DELETE(
      request('DELETE', '/api/v1/me/totp', { cookie: cookieOf(drifted), body: { password: PASSWORD } }),
    );
    expect(offOk.status).toBe(200);
    expect((await signIn({ login, password: PASSWORD }, '10.1.0.5')).status).toBe(200);
  });
});

describe('DELETE /api/v1/session', () => {
  it('signs out: the cookie is cleared and no longer authenticates', async () => {
    const login = await aPerson(app, 'analyst');
    const cookie = cookieOf(await signIn({ login, password: PASSWORD }, '10.1.0.6'));
    const out = await session.DELETE(request('DELETE', '/api/v1/session', { cookie }));
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^cur_session=; .*Max-Age=0/);
    const auth = await authenticateSecret(app.ctx.db, { cookie }, now);
    expect(auth.actor.kind).toBe('anonymous');
    expect(auth.refused).toBeDefined();
    expect((await session.GET(request('GET', '/api/v1/session', { cookie }))).status).toBe(401);
  });

  it('refuses a cookie-carried sign-out from a foreign Origin (CSRF)', async () => {
    const login = await aPerson(app);
    const cookie = cookieOf(await signIn({ login, password: PASSWORD }, '10.1.0.7'));
    const forged = await session.DELETE(
      request('DELETE', '/api/v1/session', { cookie, origin: 'https://evil.example' }),
    );
    expect(forged.status).toBe(403);
    expect((await authenticateSecret(app.ctx.db, { cookie }, now)).actor.kind).toBe('user');
  });
});
