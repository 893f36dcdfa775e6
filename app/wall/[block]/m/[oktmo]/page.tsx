import type { Metadata } from 'next';
import { DrillWall, drillTitleOf } from '@/components/drill/drill-wall';
import { requirePage } from '@/lib/http/page-access';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

interface DrillPageProps {
  params: Promise<{ block: string; oktmo: string }>;
}

export async function generateMetadata({ params }: DrillPageProps): Promise<Metadata> {
  const { block, oktmo } = await params;
  return { title: drillTitleOf(oktmo, block) };
}

/** One municipality in one block; an unknown OKTMO or block is a 404 (notFound in DrillWall). */
export default async function DrillBlockPage({ params }: DrillPageProps) {
  const { block, oktmo } = await params;
  await requirePage(
    'wall:read',
    { scope: { block, municipality: oktmo } },
    { from: `/wall/${encodeURIComponent(block)}/m/${encodeURIComponent(oktmo)}`, wall: true },
  );
  return <DrillWall oktmo={oktmo} block={block} />;
}
