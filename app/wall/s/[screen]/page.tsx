import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BlockWall } from '@/components/panel/block-wall';
import { RegionWall } from '@/components/wall/region-wall';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { REGION_PANEL, screenById } from '@/lib/wall/wall-config';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

interface ScreenPageProps {
  params: Promise<{ screen: string }>;
}

export async function generateMetadata({ params }: ScreenPageProps): Promise<Metadata> {
  const { screen } = await params;
  return { title: `Экран ${screen} — ЦУР Московской области` };
}

/**
 * The URL a physical screen opens once and keeps: what it shows comes from the wall configuration, so
 * rearranging the wall never means walking to a screen to type another address.
 */
export default async function ScreenPage({ params }: ScreenPageProps) {
  const { screen } = await params;
  const config = screenById(loadWallConfig(), screen);
  if (!config) notFound();
  return config.panel === REGION_PANEL ? <RegionWall /> : <BlockWall block={config.panel} />;
}
