import { actorRef } from '@/lib/domain/access';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { route } from '@/lib/http/handle-route';
import { APPROVE_DISPLAY_BODY } from '@/lib/identity/request-bodies';
import { clientAddressOf } from '@/lib/server/client-address';
import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { approvePairing } from '@/lib/identity/approve-pairing';
import { recordAudit } from '@/lib/identity/audit';
import { listDisplays } from '@/lib/identity/list-displays';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Displays for the admin page: waiting, paired and revoked, with last seen and address. */
export const GET = route({ action: 'identity:manage' }, async () => {
  const { ctx } = getApp();
  return json({ displays: await listDisplays(ctx.db, ctx.now()) });
});

/** An admin pairs a waiting screen: the code it shows, a name, and the screen of the wall it shows. */
export const POST = route({ action: 'identity:manage' }, async (request, actor) => {
  const { ctx } = getApp();
  const body = await readJsonBody(request, 4096);
  if (!body.ok) return body.response;
  const parsed = APPROVE_DISPLAY_BODY.safeParse(body.value);
  if (!parsed.success)
    return errorResponse(400, 'invalid', 'invalid body', zodFieldErrors(parsed.error, body.value));
  const result = await approvePairing(ctx.db, { ...parsed.data, approvedBy: actorRef(actor) }, ctx.now());
  if (!result.ok)
    return result.status === 404
      ? errorResponse(404, 'not_found', 'no screen is waiting with this code', result.errors)
      : errorResponse(400, 'invalid', 'invalid body', result.errors);
  await recordAudit(ctx.db, {
    actor,
    action: 'display_paired',
    target: `display:${result.displayId}`,
    address: clientAddressOf(request),
    detail: { name: result.name, screen: result.screen },
  });
  return json({ id: result.displayId, name: result.name, screen: result.screen }, 201);
});
