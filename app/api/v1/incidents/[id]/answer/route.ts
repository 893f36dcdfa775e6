import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { parseIdParam } from '@/lib/http/id-param';
import { readValidBody } from '@/lib/http/read-json-body';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { answerIncident } from '@/lib/incidents/answer-incident';
import { INCIDENT_ANSWER_BODY } from '@/lib/incidents/answer-body';
import { getIncident } from '@/lib/incidents/get-incident';
import { clientAddressOf } from '@/lib/server/client-address';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * Answers an incident: `acknowledged` stops its alarm on every screen, `in_work` and `closed` follow. The
 * person is named on the incident and in the audit log. 409 when its status does not allow the move.
 */
export const POST = route(
  { action: 'incident:answer' },
  async (
    request: Request,
    actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    const { ctx } = getApp();
    const parsed = parseIdParam((await params).id, 'incident');
    if (!parsed.ok) return parsed.response;
    const incident = await getIncident(ctx.db, ctx.reference, parsed.id);
    const missing = () =>
      errorResponse(404, 'not_found', `no incident with id ${parsed.id}`, [
        { field: 'id', message: 'no such incident' },
      ]);
    if (!incident) return missing();
    const denied = refuse(
      actor,
      'incident:answer',
      { scope: { block: incident.block, municipality: incident.municipality } },
      { what: `incident ${parsed.id}`, field: 'id' },
    );
    if (denied) return denied;
    const answer = await readValidBody(request, 1024, INCIDENT_ANSWER_BODY, 'the answer is not valid');
    if (!answer.ok) return answer.response;
    try {
      const result = await answerIncident(
        ctx,
        actor,
        parsed.id,
        answer.data.status,
        clientAddressOf(request),
      );
      if (result.status === 'applied') return json(result.incident);
      if (result.code === 404) return missing();
      return errorResponse(409, 'conflict', result.reason, [{ field: 'status', message: result.reason }]);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
  },
);
