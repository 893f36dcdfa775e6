import { route } from '@/lib/http/handle-route';
import { USER_CHANGES_BODY } from '@/lib/identity/request-bodies';
import { clientAddressOf } from '@/lib/server/client-address';
import { parseIdParam } from '@/lib/http/id-param';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { updateUser } from '@/lib/identity/update-user';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const CODES = { 400: 'invalid_body', 404: 'not_found', 409: 'conflict' } as const;

/**
 * Renames, re-roles, re-scopes, disables or enables a person. Changing role or scopes, or disabling, signs the
 * person out everywhere (sessions and personal tokens are revoked, live connections dropped).
 */
export const PATCH = route<[Context]>(
  { action: 'identity:manage' },
  async (request, actor, { params }): Promise<Response> => {
    const { ctx } = getApp();
    const id = parseIdParam((await params).id, 'user');
    if (!id.ok) return id.response;
    const parsed = await readValidBody(request, 16 * 1024, USER_CHANGES_BODY, 'the change is not valid');
    if (!parsed.ok) return parsed.response;
    const result = await updateUser(ctx, actor, id.id, parsed.data, ctx.now(), clientAddressOf(request));
    if (!result.ok)
      return errorResponse(
        result.status,
        CODES[result.status],
        result.errors[0]?.message ?? 'refused',
        result.errors,
      );
    return json({ id: id.id, changed: result.changed, revokedCredentials: result.revoked });
  },
);
