import { route } from '@/lib/http/handle-route';
import { NEW_USER_BODY } from '@/lib/identity/request-bodies';
import { clientAddressOf } from '@/lib/server/client-address';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { adminCreateUser } from '@/lib/identity/admin-create-user';
import { listUsers } from '@/lib/identity/list-users';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Every person with role, scopes, state and last sign-in; never a password hash or a secret. */
export const GET = route({ action: 'identity:manage' }, async (): Promise<Response> => {
  const { ctx } = getApp();
  return json({ users: await listUsers(ctx.db, ctx.now()) });
});

/**
 * Adds a person. Without `password` the answer carries `passwordLink`, a one-time link (72 h) where the person
 * sets it: shown once, pass it on.
 */
export const POST = route({ action: 'identity:manage' }, async (request, actor): Promise<Response> => {
  const { ctx } = getApp();
  const parsed = await readValidBody(request, 16 * 1024, NEW_USER_BODY, 'the user is not valid');
  if (!parsed.ok) return parsed.response;
  const result = await adminCreateUser(
    ctx.db,
    ctx.reference,
    actor,
    parsed.data,
    ctx.now(),
    clientAddressOf(request),
  );
  if (!result.ok)
    return result.status === 409
      ? errorResponse(409, 'login_taken', 'this login is taken', result.errors)
      : errorResponse(400, 'invalid_body', 'the user is not valid', result.errors);
  return json(
    result.passwordLink ? { id: result.id, passwordLink: result.passwordLink } : { id: result.id },
    201,
  );
});
