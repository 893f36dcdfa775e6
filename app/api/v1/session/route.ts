import type { Actor } from '@/lib/domain/access';
import { homePath } from '@/lib/identity/home-path';
import { signIn } from '@/lib/identity/sign-in';
import { signOut } from '@/lib/identity/sign-out';
import { clientAddressOf } from '@/lib/server/client-address';
import { route } from '@/lib/http/handle-route';
import { SIGN_IN_BODY } from '@/lib/identity/request-bodies';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { clearedSessionCookie, sessionCookie } from '@/lib/http/session-cookie';
import { signInThrottle } from '@/lib/http/sign-in-limit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** One answer for an unknown login and a wrong password, so neither can be told from the other. */
const invalidCredentials = () =>
  errorResponse(401, 'invalid_credentials', 'The login or password is wrong.', [
    { field: 'password', message: 'the login or password is wrong' },
  ]);

/** Signs a person in: 200 with the session cookie and where to go, or why not. */
export const POST = route(
  { public: 'signs a person in: the login and password are the credential it checks' },
  async (request: Request): Promise<Response> => {
    const throttled = signInThrottle(request);
    if (throttled) return throttled;
    const parsed = await readValidBody(request, 4 * 1024, SIGN_IN_BODY, 'login and password are required');
    if (!parsed.ok) return parsed.response;
    const { ctx } = getApp();
    const now = ctx.now();
    const result = await signIn(ctx.db, { ...parsed.data, address: clientAddressOf(request) }, now);
    switch (result.kind) {
      case 'ok':
        return Response.json(
          {
            home: result.home,
            user: { login: result.actor.login, name: result.actor.name, role: result.actor.role },
          },
          {
            headers: {
              'cache-control': 'no-store',
              'set-cookie': sessionCookie(request, result.secret, result.expiresAt, now),
            },
          },
        );
      case 'invalid':
        return invalidCredentials();
      case 'locked':
        return errorResponse(
          423,
          'locked',
          `Too many failed sign-ins: the account is locked, retry in ${result.retryAfterSeconds} s.`,
          [{ field: 'login', message: 'is locked for a while after repeated failures' }],
          { 'retry-after': String(result.retryAfterSeconds) },
        );
      case 'totp_required':
        return errorResponse(401, 'totp_required', 'This account also needs its one-time code.', [
          { field: 'totp', message: 'is required' },
        ]);
      case 'totp_invalid':
        return errorResponse(401, 'totp_invalid', 'The one-time code is wrong or expired.', [
          { field: 'totp', message: 'is wrong or expired' },
        ]);
    }
  },
);

function whoIs(actor: Actor): Record<string, unknown> | null {
  switch (actor.kind) {
    case 'user':
      return {
        kind: 'user',
        home: homePath(actor),
        via: actor.via,
        user: { login: actor.login, name: actor.name, role: actor.role, scopes: actor.scopes },
      };
    case 'display':
      return { kind: 'display', home: homePath(actor), display: { name: actor.name, screen: actor.screen } };
    case 'source':
      return { kind: 'source', source: { code: actor.source, region: actor.region, label: actor.label } };
    default:
      return null;
  }
}

/** Who the caller is (a person, a display or a source key); 401 when nobody. */
export const GET = route(
  { public: 'answers who the caller is, 401 when nobody' },
  (_request: Request, actor: Actor): Response => {
    const who = whoIs(actor);
    if (who) return json(who);
    return errorResponse(401, 'unauthenticated', 'Nobody is signed in.', [
      { field: 'authorization', message: 'sign in or send a key' },
    ]);
  },
);

/** Signs out: the session credential is revoked and the cookie removed. */
export const DELETE = route(
  { action: 'self:manage' },
  async (request: Request, actor: Actor): Promise<Response> => {
    if (actor.kind !== 'user' || actor.via !== 'session')
      return errorResponse(
        400,
        'not_a_session',
        'Only a browser session signs out; revoke a token instead.',
        [
          {
            field: 'authorization',
            message: 'is a personal token: DELETE /api/v1/me/tokens/{id} revokes it',
          },
        ],
      );
    const { ctx } = getApp();
    await signOut(ctx.db, ctx.revocations, actor, ctx.now(), clientAddressOf(request));
    return Response.json(
      { signedOut: true },
      { headers: { 'cache-control': 'no-store', 'set-cookie': clearedSessionCookie(request) } },
    );
  },
);
