import { zodFieldErrors } from '@/lib/domain/field-errors';
import { route } from '@/lib/http/handle-route';
import { NEW_USER_BODY } from '@/lib/identity/request-bodies';
import { clientAddressOf } from '@/lib/server/client-address';
import { readJsonBody } from '@/lib/http/read-json-body';
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
  const body = await readJsonBody(request, 16 * 1024);
  if (!body.ok) return body.response;
  const parsed = NEW_USER_BODY.safeParse(body.value);
  if (!parsed.success)
    return errorResponse(
      400,
      'invalid_body',
      'the user is not valid',
      zodFieldErrors(parsed.error, body.value),
    );
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
