import { route } from '@/lib/http/handle-route';
import type { Actor } from '@/lib/domain/access';
import { errorResponse, json } from '@/lib/http/responses';
import { parseRegionCode } from '@/lib/federal/parse-region-code';
import { regionDirectory } from '@/lib/federal/region-directory';
import { getFederalOverview } from '@/lib/federal/get-federal-overview';
import { getFederalRegion } from '@/lib/federal/get-federal-region';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** One region's card: its network row, its blocks and its newest complaints (masked). */
export const GET = route(
  { action: 'federal:read' },
  async (
    _request: Request,
    _actor: Actor,
    { params }: { params: Promise<{ code: string }> },
  ): Promise<Response> => {
    const parsed = parseRegionCode((await params).code);
    if (!parsed.ok)
      return errorResponse(400, 'invalid_region', parsed.message, [
        { field: 'code', message: parsed.message },
      ]);
    const { ctx } = getApp();
    const directory = regionDirectory();
    if (!directory.has(parsed.code)) {
      return errorResponse(404, 'not_found', `no region with code ${parsed.code}`, [
        { field: 'code', message: 'is not one of the 85 codes GET /api/v1/regions lists' },
      ]);
    }
    const overview = await getFederalOverview(ctx.db, directory, ctx.now());
    const detail = await getFederalRegion(ctx.db, directory, ctx.reference, overview, parsed.code);
    return json(detail);
  },
);
