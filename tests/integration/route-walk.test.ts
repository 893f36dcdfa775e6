import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Action } from '@/lib/domain/access';
import { invoke, ROUTES } from '../helpers/route-table';
import {
  tokens,
  displayToken,
  sourceKey,
  GRID_DISPLAY,
  userActor,
  setUpWalk,
  tearDownWalk,
} from '../helpers/route-walk-world';
import { FIXTURES } from '../helpers/route-walk-fixtures';

/**
 * The acceptance walk of issue 13: every exported method of every route file declares its access; anonymous
 * callers get 401, roles without the action 403, roles with it a 2xx on a valid request. A new route file fails
 * here until it has a fixture below (and, if public, a line in PUBLIC).
 */

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

beforeAll(setUpWalk, 60_000);
afterAll(tearDownWalk);

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
