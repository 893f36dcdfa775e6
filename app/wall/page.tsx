import type { Metadata } from 'next';
import { RegionWall } from '@/components/wall/region-wall';
import { requirePage } from '@/lib/http/page-access';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Стена региона — ЦУР Московской области' };

export default async function WallPage() {
  await requirePage('wall:read', { scope: {} }, { from: '/wall', wall: true });
  return <RegionWall />;
}
