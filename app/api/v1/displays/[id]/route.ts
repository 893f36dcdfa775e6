import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse, json } from '@/lib/http/responses';
import { recordAudit } from '@/lib/identity/audit';
import { revokeDisplay } from '@/lib/identity/revoke-display';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

interface DisplayContext {
  params: Promise<{ id: string }>;
}

/** Unpairs a display: its credential stops working, its live feed drops, the screen shows a pairing code. */
export const DELETE = route<[DisplayContext]>(
  { action: 'identity:manage' },
  async (request, actor, context) => {
    const { ctx } = getApp();
    const id = parseIdParam((await context.params).id, 'display');
    if (!id.ok) return id.response;
    const revoked = await revokeDisplay(ctx.db, ctx.revocations, id.id, ctx.now());
    if (!revoked)
      return errorResponse(404, 'not_found', 'no such live display', [
        { field: 'id', message: 'unknown or already revoked' },
      ]);
    await recordAudit(ctx.db, {
      actor,
      action: 'display_revoked',
      target: `display:${id.id}`,
      address: clientAddressOf(request),
    });
    return json({ id: id.id, revoked: true });
  },
);
