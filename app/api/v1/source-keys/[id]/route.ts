import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse } from '@/lib/http/responses';
import { revokeSourceKey } from '@/lib/identity/revoke-source-key';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

/** Revokes a source key for good: its next request answers 401. 404 when no source key has this id. */
export const DELETE = route<[Context]>(
  { action: 'identity:manage' },
  async (request, actor, { params }): Promise<Response> => {
    const { ctx } = getApp();
    const id = parseIdParam((await params).id, 'key');
    if (!id.ok) return id.response;
    const found = await revokeSourceKey(
      ctx.db,
      ctx.revocations,
      actor,
      id.id,
      ctx.now(),
      clientAddressOf(request),
    );
    if (!found)
      return errorResponse(404, 'not_found', 'no such source key', [
        { field: 'id', message: 'no such source key' },
      ]);
    return new Response(null, { status: 204 });
  },
);
