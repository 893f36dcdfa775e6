import type { Metadata } from 'next';
import { requirePage } from '@/lib/http/page-access';
import { wallNamesOf } from '@/lib/reference/wall-names-of';
import { getApp } from '@/lib/server/app-registry';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { screenTitleOf } from '@/lib/wall/screen-registry';
import { WallGridPreview } from '@/components/wall/wall-grid-preview';

// Reads the live configuration and reference at request time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Вся стена — предпросмотр · ЦУР Московской области' };

/** The whole video wall in one browser: every screen's own URL in an iframe at its native size, scaled down. */
export default async function WallGridPage() {
  await requirePage('wall:read', { scope: {} }, { from: '/wall/grid', wall: true });
  const config = loadWallConfig();
  const names = wallNamesOf(getApp().ctx.reference);
  const screens = config.screens.map((s) => ({
    id: s.id,
    row: s.row,
    col: s.col,
    rowSpan: s.rowSpan ?? 1,
    colSpan: s.colSpan ?? 1,
    kind: s.panel.kind,
    title: screenTitleOf(s.panel, names),
  }));
  return <WallGridPreview rows={config.rows} cols={config.cols} screens={screens} />;
}
