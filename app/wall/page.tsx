import type { Metadata } from 'next';
import { RegionWall } from '@/components/wall/region-wall';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Стена региона — ЦУР Московской области' };

export default function WallPage() {
  return <RegionWall />;
}
