import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse, json } from '@/lib/http/responses';
import { issuePasswordLink } from '@/lib/identity/password-link';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** A one-time link (72 h) where the person sets a new password: `{ link, expiresAt }`, shown once. */
export const POST = route<[Context]>(
  { action: 'identity:manage' },
  async (request, actor, { params }): Promise<Response> => {
    const { ctx } = getApp();
    const id = parseIdParam((await params).id, 'user');
    if (!id.ok) return id.response;
    const result = await issuePasswordLink(ctx.db, actor, id.id, ctx.now(), clientAddressOf(request));
    if (!result.ok)
      return errorResponse(404, 'not_found', 'no such user', [{ field: 'id', message: 'no such user' }]);
    return json({ link: result.link, expiresAt: result.expiresAt }, 201);
  },
);
