import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getPairing, POST as postPairing } from '@/app/api/v1/pairing/route';
import { POST as postLink } from '@/app/api/v1/pairing/link/route';
import { GET as listDisplays, POST as approve } from '@/app/api/v1/displays/route';
import { DELETE as revoke } from '@/app/api/v1/displays/[id]/route';
import { authenticateSecret } from '@/lib/identity/authenticate';
import { createOneTimeLink } from '@/lib/identity/one-time-links';
import { MAX_WAITING_DISPLAYS, requestPairing } from '@/lib/identity/request-pairing';
import { personalToken } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const BASE = 'http://test.local';
let clock = new Date('2026-11-20T10:00:00Z');
let app: TestApp;
let admin: string;
let operator: string;

const ADDRESS = 'x-cur-client-address';

beforeAll(async () => {
  app = await createRegisteredTestApp({ now: () => clock });
  admin = await personalToken(app.ctx, 'admin');
  operator = await personalToken(app.ctx, 'operator');
});
afterAll(() => app.close());

/** `name=value` of each Set-Cookie, by name. */
function cookiesOf(response: Response): Map<string, { value: string; raw: string }> {
  return new Map(
    response.headers.getSetCookie().map((raw) => {
      const [pair] = raw.split(';');
      const eq = pair!.indexOf('=');
      return [pair!.slice(0, eq), { value: pair!.slice(eq + 1), raw }];
    }),
  );
}

async function askForCode(address = '10.0.0.1', cookie?: string) {
  const response = await postPairing(
    new Request(`${BASE}/api/v1/pairing`, {
      method: 'POST',
      headers: { [ADDRESS]: address, ...(cookie ? { cookie } : {}) },
    }),
  );
  const body = (await response.json()) as { state: string; code: string; expiresAt: string };
  const claim = cookiesOf(response).get('cur_pairing');
  return { response, body, cookie: claim ? `cur_pairing=${claim.value}` : cookie };
}

async function poll(cookie: string) {
  const response = await getPairing(new Request(`${BASE}/api/v1/pairing`, { headers: { cookie } }));
  return { response, body: (await response.json()) as { state: string; code?: string; path?: string } };
}

async function approveCode(body: unknown, token?: string) {
  const response = await approve(
    new Request(`${BASE}/api/v1/displays`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** How an admin on a Russian keyboard might type it: lower case, Cyrillic look-alikes, a space. */
function typedSloppily(code: string): string {
  const cyrillic: Record<string, string> = {
    A: 'а',
    B: 'в',
    E: 'е',
    K: 'к',
    M: 'м',
    H: 'н',
    P: 'р',
    C: 'с',
    T: 'т',
    X: 'х',
  };
  return [...code.replace('-', ' ')].map((c) => cyrillic[c] ?? c.toLowerCase()).join('');
}

describe('pairing a display by its code', () => {
  it('shows a code, is approved with a sloppily typed code, and hands out its credential once', async () => {
    const asked = await askForCode();
    expect(asked.response.status).toBe(201);
    expect(asked.body.code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    const claim = cookiesOf(asked.response).get('cur_pairing')!.raw;
    expect(claim).toContain('Path=/api/v1/pairing');
    expect(claim).toContain('Max-Age=600');
    expect(claim).toContain('HttpOnly');

    // A reload shows the same code instead of a new one.
    expect((await askForCode('10.0.0.1', asked.cookie)).body.code).toBe(asked.body.code);
    expect((await poll(asked.cookie!)).body).toMatchObject({ state: 'waiting', code: asked.body.code });

    const approved = await approveCode(
      { code: typedSloppily(asked.body.code), name: 'Холл, левый', screen: 'r1c2' },
      admin,
    );
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ name: 'Холл, левый', screen: 'r1c2' });

    const collected = await poll(asked.cookie!);
    expect(collected.body).toEqual({ state: 'paired', path: '/wall/s/r1c2' });
    const cookies = cookiesOf(collected.response);
    expect(cookies.get('cur_pairing')!.raw).toContain('Max-Age=0');
    const display = cookies.get('cur_display')!;
    expect(display.raw).toContain(`Max-Age=${400 * 86400}`);

    // The claim is spent: a second poll gets nothing.
    const again = await poll(asked.cookie!);
    expect(again.body).toEqual({ state: 'none' });
    expect(again.response.headers.getSetCookie()).toEqual([]);

    const auth = await authenticateSecret(app.ctx.db, { cookie: `cur_display=${display.value}` }, clock);
    expect(auth.actor).toMatchObject({ kind: 'display', name: 'Холл, левый', screen: 'r1c2' });
    // The same code does not approve twice.
    expect((await approveCode({ code: asked.body.code, name: 'x', screen: 'r1c1' }, admin)).status).toBe(404);

    const listed = await listDisplays(
      new Request(`${BASE}/api/v1/displays`, { headers: { authorization: `Bearer ${admin}` } }),
    );
    const { displays } = (await listed.json()) as { displays: { id: number; state: string; name: string }[] };
    const mine = displays.find((d) => d.name === 'Холл, левый')!;
    expect(mine.state).toBe('paired');

    // Revoked: the credential is refused (401) on HTTP, and the display is listed as revoked.
    const revoked = await revoke(
      new Request(`${BASE}/api/v1/displays/${mine.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${admin}` },
      }),
      { params: Promise.resolve({ id: String(mine.id) }) },
    );
    expect(revoked.status).toBe(200);
    const refused = await listDisplays(
      new Request(`${BASE}/api/v1/displays`, { headers: { authorization: `Bearer ${display.value}` } }),
    );
    expect(refused.status).toBe(401);
    const twice = await revoke(
      new Request(`${BASE}/api/v1/displays/${mine.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${admin}` },
      }),
      { params: Promise.resolve({ id: String(mine.id) }) },
    );
    expect(twice.status).toBe(404);
  });

  it('refuses an expired code with 404, and the screen asks for a new one', async () => {
    const asked = await askForCode('10.0.0.2');
    clock = new Date(clock.getTime() + 11 * 60_000);
    const late = await approveCode({ code: asked.body.code, name: 'Поздно', screen: 'r1c1' }, admin);
    expect(late.status).toBe(404);
    expect((await poll(asked.cookie!)).body).toEqual({ state: 'none' });
    const renewed = await askForCode('10.0.0.2', asked.cookie);
    expect(renewed.response.status).toBe(201);
  });

  it('drops an approval the screen never collected within ten minutes', async () => {
    const asked = await askForCode('10.0.0.3');
    const approved = await approveCode({ code: asked.body.code, name: 'Выключенный', screen: 'r1c1' }, admin);
    expect(approved.status).toBe(201);
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await poll(asked.cookie!)).body).toEqual({ state: 'none' });
  });

  it('lets only an admin approve, and checks the fields', async () => {
    const asked = await askForCode('10.0.0.3');
    const body = { code: asked.body.code, name: 'Экран', screen: 'r1c1' };
    expect((await approveCode(body)).status).toBe(401);
    expect((await approveCode(body, operator)).status).toBe(403);
    const bad = await approveCode({ code: 'ABC', name: '', screen: 'nowhere' }, admin);
    expect(bad.status).toBe(400);
    expect((bad.body.error as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual([
      'code',
      'name',
      'screen',
    ]);
    expect((await approveCode({ ...body, screen: 'grid' }, admin)).status).toBe(201);
    expect((await poll(asked.cookie!)).body).toEqual({ state: 'paired', path: '/wall/grid' });
  });

  it('limits requests per address (429 with Retry-After) and waiting screens overall', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 11; i += 1) last = (await askForCode('10.9.9.9')).response;
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);

    let made = 0;
    while ((await requestPairing(app.ctx.db, '10.8.8.8', clock)).ok) made += 1;
    expect(made).toBeLessThanOrEqual(MAX_WAITING_DISPLAYS);
    clock = new Date(clock.getTime() + 11 * 60_000);
    expect((await requestPairing(app.ctx.db, '10.8.8.8', clock)).ok).toBe(true);
  });
});

describe('a ready display link', () => {
  it('pairs one screen once', async () => {
    const { token } = await createOneTimeLink(app.ctx.db, 'display', 60_000, clock, {
      screen: 'r3c3',
      name: 'Ситуационный зал',
    });
    const open = () =>
      postLink(
        new Request(`${BASE}/api/v1/pairing/link`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        }),
      );
    const first = await open();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ path: '/wall/s/r3c3' });
    const secret = cookiesOf(first).get('cur_display')!.value;
    const auth = await authenticateSecret(app.ctx.db, { authorization: `Bearer ${secret}` }, clock);
    expect(auth.actor).toMatchObject({ kind: 'display', screen: 'r3c3', name: 'Ситуационный зал' });
    expect((await open()).status).toBe(404);
  });
});
