import { completeFirstAdmin } from '@/lib/identity/first-admin';
import { clientAddressOf } from '@/lib/server/client-address';
import { route } from '@/lib/http/handle-route';
import { SETUP_BODY } from '@/lib/identity/request-bodies';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse } from '@/lib/http/responses';
import { sessionCookie } from '@/lib/http/session-cookie';
import { signInThrottle } from '@/lib/http/sign-in-limit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Creates the first admin through the one-time link printed at the first start, and signs them in. */
export const POST = route(
  { public: 'creates the first admin: the one-time link printed at start is the credential it checks' },
  async (request: Request): Promise<Response> => {
    const throttled = signInThrottle(request);
    if (throttled) return throttled;
    const parsed = await readValidBody(request, 8 * 1024, SETUP_BODY, 'the first admin is not valid');
    if (!parsed.ok) return parsed.response;
    const { ctx } = getApp();
    const now = ctx.now();
    const { token, ...input } = parsed.data;
    const result = await completeFirstAdmin(
      ctx.db,
      ctx.reference,
      token,
      input,
      now,
      clientAddressOf(request),
    );
    switch (result.kind) {
      case 'ok':
        return Response.json(
          { home: result.home, user: { login: result.login, role: 'admin' } },
          {
            status: 201,
            headers: {
              'cache-control': 'no-store',
              'set-cookie': sessionCookie(request, result.secret, result.expiresAt, now),
            },
          },
        );
      case 'invalid':
        return errorResponse(400, 'invalid_body', 'the first admin is not valid', result.errors);
      case 'link_invalid':
        return errorResponse(410, 'link_invalid', 'The set-up link is unknown, used or expired.', [
          { field: 'token', message: 'is unknown, used or expired' },
        ]);
      case 'admin_exists':
        return errorResponse(409, 'admin_exists', 'An admin exists already; sign in instead.', [
          { field: 'token', message: 'is of no use once an admin exists' },
        ]);
    }
  },
);
