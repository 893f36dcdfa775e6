import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { parseComplaintsQuery } from '@/lib/drill/drill-query';
import { errorResponse, json } from '@/lib/http/responses';
import { getMunicipalityComplaints } from '@/lib/drill/get-municipality-complaints';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A municipality's open complaints inside `bbox=west,south,east,north` (the drill-down map at high zoom). */
export const GET = route(
  { action: 'wall:read' },
  async (
    request: Request,
    actor: Actor,
    context: { params: Promise<{ oktmo: string }> },
  ): Promise<Response> => {
    const { ctx } = getApp();
    const { oktmo } = await context.params;
    const query = parseComplaintsQuery(ctx.reference, oktmo, new URL(request.url).searchParams);
    if (!query.ok) return errorResponse(query.status, query.code, query.message, query.errors);
    const { block, bbox } = query.value;
    const scope = block ? { municipality: oktmo, block } : { municipality: oktmo };
    const denied = refuse(actor, 'wall:read', { scope });
    if (denied) return denied;
    return json(await getMunicipalityComplaints(ctx.db, scope, bbox, ctx.now()));
  },
);
