import type { Metadata } from 'next';
import { FederalScreen } from '@/components/federal/federal-screen';
import { parseRegionCode } from '@/lib/federal/parse-region-code';
import { regionDirectory } from '@/lib/federal/region-directory';
import { projectPoints, russiaMap } from '@/lib/federal/russia-map';
import { getFederalOverview } from '@/lib/federal/get-federal-overview';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Сеть ЦУР России — федеральный координатор' };

interface RussiaPageProps {
  searchParams: Promise<{ region?: string | string[] }>;
}

/** The federal view: the first overview and the map geometry render with the page, polling follows. */
export default async function RussiaPage({ searchParams }: RussiaPageProps) {
  await requirePage('federal:read', undefined, { from: '/russia' });
  const { ctx } = getApp();
  const directory = regionDirectory();
  const overview = await getFederalOverview(ctx.db, directory, ctx.now());
  const raw = (await searchParams).region;
  const parsed = typeof raw === 'string' ? parseRegionCode(raw) : null;
  const initialRegion = parsed?.ok && directory.has(parsed.code) ? parsed.code : null;
  const capitals = projectPoints(overview.regions.map((r) => ({ code: r.code, ...r.capital })));
  return (
    <FederalScreen
      initialOverview={overview}
      map={russiaMap()}
      capitals={capitals}
      initialRegion={initialRegion}
    />
  );
}
