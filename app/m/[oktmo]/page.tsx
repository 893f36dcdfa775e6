import type { Metadata } from 'next';
import { DrillWall, drillTitleOf } from '@/components/drill/drill-wall';
import { requirePage } from '@/lib/http/page-access';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

interface DrillPageProps {
  params: Promise<{ oktmo: string }>;
}

export async function generateMetadata({ params }: DrillPageProps): Promise<Metadata> {
  const { oktmo } = await params;
  return { title: drillTitleOf(oktmo, null) };
}

/** One municipality, all blocks; an unknown OKTMO is a 404 (notFound in DrillWall). */
export default async function DrillAllBlocksPage({ params }: DrillPageProps) {
  const { oktmo } = await params;
  await requirePage(
    'wall:read',
    { scope: { municipality: oktmo } },
    { from: `/m/${encodeURIComponent(oktmo)}` },
  );
  return <DrillWall oktmo={oktmo} block={null} />;
}
