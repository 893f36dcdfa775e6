import { route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { regionDirectory } from '@/lib/federal/region-directory';
import { getFederalOverview } from '@/lib/federal/get-federal-overview';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The network of regional centers: every region's flows, backlog, last data time and live state, with totals. */
export const GET = route({ action: 'federal:read' }, async (): Promise<Response> => {
  const { ctx } = getApp();
  return json(await getFederalOverview(ctx.db, regionDirectory(), ctx.now()));
});
