import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { errorResponse, json } from '@/lib/http/responses';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { parseIncidentQuery } from '@/lib/incidents/parse-incident-query';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The incidents of a block and/or municipality: the live ones (default), or all opened in a span. */
export const GET = route(
  { action: 'wall:read' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const { ctx } = getApp();
    const query = parseIncidentQuery(new URL(request.url).searchParams, ctx.reference);
    if (!query.ok) {
      const fields = query.errors.map((e) => e.field).join(', ');
      return errorResponse(400, 'invalid_query', `invalid query parameters: ${fields}`, query.errors);
    }
    const denied = refuse(actor, 'wall:read', { scope: query.value.scope ?? {} });
    if (denied) return denied;
    return json({ incidents: await listIncidents(ctx.db, ctx.reference, query.value) });
  },
);
