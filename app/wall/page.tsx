import type { Metadata } from 'next';
import { getApp } from '@/lib/server/app-registry';
import type { WallScope } from '@/lib/realtime/contract';
import type { WallNames } from '@/lib/client/wall-names';
import { WallScreen } from '@/components/wall/wall-screen';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Стена региона — ЦУР Московской области' };

const REGION_SCOPE: WallScope = {};

export default async function WallPage() {
  const { ctx, live, buildId } = getApp();
  const snapshot = await live.snapshot(REGION_SCOPE);
  const { blocks, categories, municipalities } = ctx.reference;
  // Plain objects of names only: the client never needs the rest of the reference rows.
  const names: WallNames = {
    blocks: Object.fromEntries([...blocks.values()].map((b) => [b.code, b.name])),
    categories: Object.fromEntries([...categories.values()].map((c) => [c.code, c.name])),
    municipalities: Object.fromEntries([...municipalities.values()].map((m) => [m.oktmo, m.shortName])),
  };
  return (
    <WallScreen
      title="Московская область"
      subtitle="Обращения жителей · все блоки"
      scope={REGION_SCOPE}
      initialSnapshot={snapshot}
      names={names}
      buildId={buildId}
    />
  );
}
