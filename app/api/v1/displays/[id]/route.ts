import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { parseIdParam } from '@/lib/http/id-param';
import { errorResponse, json } from '@/lib/http/responses';
import { recordAudit } from '@/lib/identity/audit';
import { revokeDisplay } from '@/lib/identity/revoke-display';
import { changeDisplay } from '@/lib/identity/change-display';
import { DISPLAY_CHANGES_BODY } from '@/lib/identity/request-bodies';
import { readValidBody } from '@/lib/http/read-json-body';
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

/** Renames a display or gives it another screen of the wall; a moved screen reloads onto its new content. */
export const PATCH = route<[DisplayContext]>(
  { action: 'identity:manage' },
  async (request, actor, context) => {
    const { ctx } = getApp();
    const id = parseIdParam((await context.params).id, 'display');
    if (!id.ok) return id.response;
    const parsed = await readValidBody(request, 4 * 1024, DISPLAY_CHANGES_BODY, 'the changes are not valid');
    if (!parsed.ok) return parsed.response;
    const changed = await changeDisplay(ctx.db, ctx.revocations, id.id, parsed.data);
    if (!changed.ok)
      return errorResponse(
        changed.status,
        changed.status === 404 ? 'not_found' : 'invalid_body',
        'the display was not changed',
        changed.errors,
      );
    await recordAudit(ctx.db, {
      actor,
      action: 'display_changed',
      target: `display:${id.id}`,
      address: clientAddressOf(request),
      detail: { name: changed.name, screen: changed.screen, moved: changed.moved },
    });
    return json(changed);
  },
);
