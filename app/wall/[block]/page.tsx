import type { Metadata } from 'next';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';
import { BlockWall } from '@/components/panel/block-wall';
import { densityOf } from '@/components/panel/block-view';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

interface BlockPageProps {
  params: Promise<{ block: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: BlockPageProps): Promise<Metadata> {
  const { block } = await params;
  const name = getApp().ctx.reference.blocks.get(block)?.name ?? 'Блок';
  return { title: `${name} — ЦУР Московской области` };
}

/** One sector block full screen; an unknown code is a 404 (notFound in BlockWall). */
export default async function BlockPage({ params, searchParams }: BlockPageProps) {
  const { block } = await params;
  // `?density=desk`: the full ranking, overdue list and executors for a workstation; the wall's is the default.
  const density = densityOf((await searchParams).density);
  await requirePage(
    'wall:read',
    { scope: { block } },
    { from: `/wall/${encodeURIComponent(block)}`, wall: true },
  );
  return <BlockWall block={block} density={density} />;
}
