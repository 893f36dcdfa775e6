import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { errorResponse, json } from '@/lib/http/responses';
import { countersAt, indexCounters } from '@/lib/playback/counters';
import { getPlayback } from '@/lib/playback/get-playback';
import { PLAYBACK_QUERY } from '@/lib/playback/playback-query';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A whole replay of the last 24 hours or 7 days for the region, a block and/or a municipality. */
export const GET = route(
  { action: 'wall:read' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = PLAYBACK_QUERY.safeParse(raw);
    if (!parsed.success)
      return errorResponse(400, 'invalid_query', 'the query is not valid', zodFieldErrors(parsed.error, raw));
    const { ctx } = getApp();
    const { span, block, municipality, at } = parsed.data;
    if (block && !ctx.reference.blocks.has(block))
      return errorResponse(400, 'unknown_block', `unknown block code "${block}"`, [
        { field: 'block', message: 'is not a block code from /api/v1/reference' },
      ]);
    if (municipality && !ctx.reference.municipalities.has(municipality))
      return errorResponse(400, 'unknown_municipality', `unknown municipality "${municipality}"`, [
        { field: 'municipality', message: 'is not an OKTMO code from /api/v1/reference' },
      ]);
    const denied = refuse(actor, 'wall:read', { scope: { block, municipality } });
    if (denied) return denied;
    const data = await getPlayback(ctx, span, { block, municipality }, ctx.now());
    if (!at) return json(data);
    const counters = countersAt(indexCounters(data), Date.parse(at));
    const iso = (ms: number) => new Date(ms).toISOString();
    return json({
      ...data,
      countersAt: { ...counters, at: iso(counters.at), backlogAt: iso(counters.backlogAt) },
    });
  },
);
