import type { Actor } from '@/lib/domain/access';
import { revokePersonalToken } from '@/lib/identity/revoke-personal-token';
import { clientAddressOf } from '@/lib/server/client-address';
import { route } from '@/lib/http/handle-route';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

const notFound = () =>
  errorResponse(404, 'not_found', 'token does not exist', [{ field: 'id', message: 'unknown' }]);

/** Revokes one of the caller's own personal tokens; another person's token is answered as missing. */
export const DELETE = route<[Context]>(
  { action: 'self:manage' },
  async (request: Request, actor: Actor, { params }: Context): Promise<Response> => {
    if (actor.kind !== 'user') return notFound();
    const { id: raw } = await params;

    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id)) return notFound();
    const { ctx } = getApp();
    const revoked = await revokePersonalToken(
      ctx.db,
      ctx.revocations,
      actor,
      id,
      ctx.now(),
      clientAddressOf(request),
    );
    return revoked ? json({ id, ...revoked }) : notFound();
  },
);
