import { route } from '@/lib/http/handle-route';
import { parseComplaintsQuery } from '@/lib/drill/drill-query';
import { errorResponse, json } from '@/lib/http/responses';
import { getMunicipalityComplaints } from '@/lib/drill/get-municipality-complaints';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A municipality's open complaints inside `bbox=west,south,east,north` (the drill-down map at high zoom). */
export const GET = route(
  async (request: Request, context: { params: Promise<{ oktmo: string }> }): Promise<Response> => {
    const { ctx } = getApp();
    const { oktmo } = await context.params;
    const query = parseComplaintsQuery(ctx.reference, oktmo, new URL(request.url).searchParams);
    if (!query.ok) return errorResponse(query.status, query.code, query.message, query.errors);
    const { block, bbox } = query.value;
    const scope = block ? { municipality: oktmo, block } : { municipality: oktmo };
    return json(await getMunicipalityComplaints(ctx.db, scope, bbox, ctx.now()));
  },
);
