import type { Actor } from '@/lib/domain/access';
import { issuePersonalToken } from '@/lib/identity/issue-personal-token';
import { listPersonalTokens } from '@/lib/identity/list-personal-tokens';
import { clientAddressOf } from '@/lib/server/client-address';
import { route } from '@/lib/http/handle-route';
import { PERSONAL_TOKEN_BODY } from '@/lib/identity/request-bodies';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const notAPerson = () =>
  errorResponse(403, 'forbidden', 'Only a person holds personal tokens.', [
    { field: 'authorization', message: 'not allowed: not a person' },
  ]);

/** The caller's own personal API tokens, without their secrets. */
export const GET = route({ action: 'self:manage' }, async (_request: Request, actor: Actor) => {
  if (actor.kind !== 'user') return notAPerson();
  const { ctx } = getApp();
  return json({ tokens: await listPersonalTokens(ctx.db, actor.userId) });
});

/** Issues a personal token acting as the caller; its secret is in this answer and nowhere else, ever. */
export const POST = route({ action: 'self:manage' }, async (request: Request, actor: Actor) => {
  if (actor.kind !== 'user') return notAPerson();
  const parsed = await readValidBody(request, 4 * 1024, PERSONAL_TOKEN_BODY, 'the token is not valid');
  if (!parsed.ok) return parsed.response;
  const { ctx } = getApp();
  const issued = await issuePersonalToken(ctx.db, actor, parsed.data, ctx.now(), clientAddressOf(request));
  if (!issued.ok)
    return errorResponse(409, 'too_many_tokens', 'Revoke a token before issuing another.', [
      { field: 'label', message: 'you hold the most live tokens allowed' },
    ]);
  const { ok: _ok, ...token } = issued;
  return json(token, 201);
});
