import { route } from '@/lib/http/handle-route';
import { actorRef, seesPersonalData, type Actor } from '@/lib/domain/access';
import { complaintAccess } from '@/lib/http/command-route';
import { backdateWindows, backdatingFault } from '@/lib/lifecycle/backdating';
import { parseIdParam, refusedResponse } from '@/lib/http/id-param';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { TRANSITION_BODY_SCHEMA } from '@/lib/lifecycle/validate-transition';
import { getComplaintHistory } from '@/lib/lifecycle/get-complaint-history';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** A lifecycle change of one complaint, appended to its history. */
export const POST = route(
  { action: 'complaint:transition' },
  async (request: Request, actor: Actor, { params }: Params): Promise<Response> => {
    const id = parseIdParam((await params).id);
    if (!id.ok) return id.response;
    const access = await complaintAccess(actor, 'complaint:transition', id.id);
    if (!access.ok) return access.response;
    const parsed = await readValidBody(request, 64 * 1024, TRANSITION_BODY_SCHEMA, 'the event is not valid');
    if (!parsed.ok) return parsed.response;

    const { ctx } = getApp();
    const backdated = backdatingFault(actor, parsed.data.at, ctx.now(), backdateWindows());
    if (backdated) return errorResponse(403, 'backdating_not_allowed', backdated.message, [backdated]);

    let result;
    try {
      [result] = await recordTransitions(ctx, [
        { complaintId: id.id, ...parsed.data, actor: actorRef(actor) },
      ]);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
    if (!result) return errorResponse(500, 'internal', 'no result');
    if (result.status === 'rejected') return refusedResponse(result);
    return json(result, 201);
  },
);

/** The complaint's whole history, oldest first: intake, routing, every status change with who and when. */
export const GET = route(
  { action: 'complaint:read' },
  async (_request: Request, actor: Actor, { params }: Params): Promise<Response> => {
    const id = parseIdParam((await params).id);
    if (!id.ok) return id.response;
    const access = await complaintAccess(actor, 'complaint:read', id.id);
    if (!access.ok) return access.response;
    const { ctx } = getApp();
    const personal = seesPersonalData(actor, access.facts);
    const history = await getComplaintHistory(ctx.db, id.id, ctx.now(), personal);
    if (!history)
      return errorResponse(404, 'not_found', `complaint ${id.id} does not exist`, [
        { field: 'id', message: 'unknown' },
      ]);
    return json(history);
  },
);
