import { FederalScreen } from '@/components/federal/federal-screen';
import { getFederalOverview } from '@/lib/federal/get-federal-overview';
import { regionDirectory } from '@/lib/federal/region-directory';
import { projectPoints, russiaMap } from '@/lib/federal/russia-map';
import { getApp } from '@/lib/server/app-registry';

/** The federal view as /russia opens it, with no region picked: the first overview renders, polling follows. */
export async function FederalWall() {
  const { ctx } = getApp();
  const overview = await getFederalOverview(ctx.db, regionDirectory(), ctx.now());
  const capitals = projectPoints(overview.regions.map((r) => ({ code: r.code, ...r.capital })));
  return (
    <FederalScreen initialOverview={overview} map={russiaMap()} capitals={capitals} initialRegion={null} />
  );
}
