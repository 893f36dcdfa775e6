import { setPasswordByLink } from '@/lib/identity/set-password';
import { clientAddressOf } from '@/lib/server/client-address';
import { route } from '@/lib/http/handle-route';
import { PASSWORD_BODY } from '@/lib/identity/request-bodies';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { signInThrottle } from '@/lib/http/sign-in-limit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Sets a person's password through the one-time link an admin gave them. */
export const POST = route(
  { public: 'sets a password: the one-time link an admin issued is the credential it checks' },
  async (request: Request): Promise<Response> => {
    const throttled = signInThrottle(request);
    if (throttled) return throttled;
    const parsed = await readValidBody(request, 4 * 1024, PASSWORD_BODY, 'token and password are required');
    if (!parsed.ok) return parsed.response;
    const { ctx } = getApp();
    const result = await setPasswordByLink(
      ctx.db,
      ctx.revocations,
      parsed.data.token,
      parsed.data.password,
      ctx.now(),
      clientAddressOf(request),
    );
    switch (result.kind) {
      case 'ok':
        return json({ login: result.login, passwordSet: true });
      case 'invalid':
        return errorResponse(400, 'invalid_body', 'the password is not accepted', [
          { field: 'password', message: result.message },
        ]);
      case 'link_invalid':
        return errorResponse(410, 'link_invalid', 'The link is unknown, used or expired.', [
          { field: 'token', message: 'is unknown, used or expired' },
        ]);
    }
  },
);
