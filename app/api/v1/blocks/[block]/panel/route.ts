import { route } from '@/lib/http/handle-route';
import { refuse } from '@/lib/http/authorize';
import type { Actor } from '@/lib/domain/access';
import { errorResponse, json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A block panel's payload as the wall shows it: territories, overdue SLAs, the week, top problems, tension. */
export const GET = route(
  { action: 'wall:read' },
  async (
    _request: Request,
    actor: Actor,
    context: { params: Promise<{ block: string }> },
  ): Promise<Response> => {
    const { ctx, panels } = getApp();
    const { block } = await context.params;
    if (!ctx.reference.blocks.has(block)) {
      return errorResponse(404, 'unknown_block', `unknown block code "${block}"`, [
        { field: 'block', message: 'is not a block code from /api/v1/reference' },
      ]);
    }
    const denied = refuse(actor, 'wall:read', { scope: { block } });
    if (denied) return denied;
    return json(await panels.get(block));
  },
);
