import type { Actor } from '@/lib/domain/access';
import { qrSvg } from '@/lib/identity/qr-svg';
import { beginTotp, confirmTotp, disableTotp } from '@/lib/identity/totp';
import { clientAddressOf } from '@/lib/server/client-address';
import { route } from '@/lib/http/handle-route';
import { TOTP_CONFIRM_BODY, TOTP_DISABLE_BODY } from '@/lib/identity/request-bodies';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const notAPerson = () =>
  errorResponse(403, 'forbidden', 'Only a person has a second factor.', [
    { field: 'authorization', message: 'not allowed: not a person' },
  ]);

/** Starts enrolling an authenticator app: the key as an otpauth URI and as a QR code to scan. */
export const POST = route({ action: 'self:manage' }, async (_request: Request, actor: Actor) => {
  if (actor.kind !== 'user') return notAPerson();
  const { ctx } = getApp();
  const begun = await beginTotp(ctx.db, actor);
  if (!begun.ok)
    return errorResponse(409, 'totp_enabled', 'The second factor is on already; turn it off first.', [
      { field: 'totp', message: 'is enabled already' },
    ]);
  return json({ secret: begun.secret, uri: begun.uri, qrSvg: await qrSvg(begun.uri) }, 201);
});

/** Confirms enrolment with a code from the app; from then on signing in asks for a code. */
export const PUT = route({ action: 'self:manage' }, async (request: Request, actor: Actor) => {
  if (actor.kind !== 'user') return notAPerson();
  const parsed = await readValidBody(request, 1024, TOTP_CONFIRM_BODY, 'code is required');
  if (!parsed.ok) return parsed.response;
  const { ctx } = getApp();
  const result = await confirmTotp(ctx.db, actor, parsed.data.code, ctx.now(), clientAddressOf(request));
  if (result.ok) return json({ totpEnabled: true });
  return result.reason === 'no_pending'
    ? errorResponse(409, 'totp_not_begun', 'Start enrolment first (POST).', [
        { field: 'code', message: 'no key is waiting for confirmation' },
      ])
    : errorResponse(400, 'totp_invalid', 'The code is wrong or expired.', [
        { field: 'code', message: 'is wrong or expired' },
      ]);
});

/** Turns the second factor off; the password is asked again. */
export const DELETE = route({ action: 'self:manage' }, async (request: Request, actor: Actor) => {
  if (actor.kind !== 'user') return notAPerson();
  const parsed = await readValidBody(request, 2048, TOTP_DISABLE_BODY, 'password is required');
  if (!parsed.ok) return parsed.response;
  const { ctx } = getApp();
  const result = await disableTotp(ctx.db, actor, parsed.data.password, clientAddressOf(request));
  if (result.ok) return json({ totpEnabled: false });
  return result.reason === 'wrong_password'
    ? errorResponse(403, 'wrong_password', 'The password is wrong.', [
        { field: 'password', message: 'is wrong' },
      ])
    : errorResponse(409, 'totp_not_enabled', 'The second factor is off already.', [
        { field: 'password', message: 'nothing to turn off' },
      ]);
});
