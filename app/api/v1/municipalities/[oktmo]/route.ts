import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { getCachedDrillPayload } from '@/lib/drill/drill-cache';
import { parsePayloadQuery } from '@/lib/drill/drill-query';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A municipality's drill-down payload (`?block=` for one block): trend, week, pattern, overdue, topics, cells. */
export const GET = route(
  { action: 'wall:read' },
  async (
    request: Request,
    actor: Actor,
    context: { params: Promise<{ oktmo: string }> },
  ): Promise<Response> => {
    const { ctx } = getApp();
    const { oktmo } = await context.params;
    const query = parsePayloadQuery(ctx.reference, oktmo, new URL(request.url).searchParams);
    if (!query.ok) return errorResponse(query.status, query.code, query.message, query.errors);
    const denied = refuse(actor, 'wall:read', {
      scope: { municipality: query.value.oktmo, block: query.value.block ?? undefined },
    });
    if (denied) return denied;
    return json(await getCachedDrillPayload(ctx, query.value.oktmo, query.value.block));
  },
);
