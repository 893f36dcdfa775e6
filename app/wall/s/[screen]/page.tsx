import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ScreenContent } from '@/components/wall-screens/screen-renderers';
import { requirePage } from '@/lib/http/page-access';
import { screenAccess } from '@/lib/identity/screen-access';
import { wallNamesOf } from '@/lib/reference/wall-names-of';
import { getApp } from '@/lib/server/app-registry';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { screenTitleOf } from '@/lib/wall/screen-registry';
import { screenById } from '@/lib/wall/wall-config';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

interface ScreenPageProps {
  params: Promise<{ screen: string }>;
}

export async function generateMetadata({ params }: ScreenPageProps): Promise<Metadata> {
  const { screen } = await params;
  const config = screenById(loadWallConfig(), screen);
  const what = config ? `: ${screenTitleOf(config.panel, wallNamesOf(getApp().ctx.reference))}` : '';
  return { title: `Экран ${screen}${what} — ЦУР Московской области` };
}

/**
 * The URL a physical screen opens once and keeps: what it shows comes from the wall configuration, so
 * rearranging the wall never means walking to a screen to type another address.
 */
export default async function ScreenPage({ params }: ScreenPageProps) {
  const { screen } = await params;
  const config = screenById(loadWallConfig(), screen);
  if (!config) notFound();
  const access = screenAccess(config.panel);
  await requirePage(access.action, access.resource, {
    from: `/wall/s/${encodeURIComponent(screen)}`,
    wall: true,
  });
  return <ScreenContent panel={config.panel} />;
}
