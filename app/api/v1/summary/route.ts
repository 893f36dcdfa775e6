import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { errorResponse, json } from '@/lib/http/responses';
import { getSummary } from '@/lib/queries/get-summary';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The live numbers the wall shows now, for the region or a block and/or a municipality. */
export const GET = route(
  { action: 'wall:read' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const { ctx } = getApp();
    const block = new URL(request.url).searchParams.get('block') || undefined;
    const municipality = new URL(request.url).searchParams.get('municipality') || undefined;
    if (block && !ctx.reference.blocks.has(block)) {
      return errorResponse(400, 'unknown_block', `unknown block code "${block}"`, [
        { field: 'block', message: 'is not a block code from /api/v1/reference' },
      ]);
    }
    if (municipality && !ctx.reference.municipalities.has(municipality)) {
      return errorResponse(400, 'unknown_municipality', `unknown municipality "${municipality}"`, [
        { field: 'municipality', message: 'is not an OKTMO code from /api/v1/reference' },
      ]);
    }
    const denied = refuse(actor, 'wall:read', { scope: { block, municipality } });
    if (denied) return denied;
    const summary = await getSummary(ctx.db, { block, municipality }, ctx.now());
    return json({ block: block ?? null, municipality: municipality ?? null, ...summary });
  },
);
