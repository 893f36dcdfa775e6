import type { Metadata } from 'next';
import { DisplaysAdmin } from '@/components/admin/displays-admin';
import { requirePage } from '@/lib/http/page-access';
import { GRID_SCREEN } from '@/lib/identity/display-grant';
import { listDisplays } from '@/lib/identity/list-displays';
import { wallNamesOf } from '@/lib/reference/wall-names-of';
import { getApp } from '@/lib/server/app-registry';
import { loadWallConfig } from '@/lib/wall/load-wall-config';
import { screenTitleOf } from '@/lib/wall/screen-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Экраны — администрирование ЦУР' };

interface DisplaysPageProps {
  searchParams: Promise<{ code?: string | string[] }>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Wall displays: pair a waiting screen by its code (a QR code opens this page with it filled in), revoke one. */
export default async function AdminDisplaysPage({ searchParams }: DisplaysPageProps) {
  const code = (await searchParams).code;
  const from =
    typeof code === 'string' ? `/admin/displays?code=${encodeURIComponent(code)}` : '/admin/displays';
  await requirePage('identity:manage', undefined, { from });
  const { ctx } = getApp();
  const names = wallNamesOf(ctx.reference);
  const screens = [
    ...loadWallConfig().screens.map((s) => ({
      id: s.id,
      title: `${s.id} — ${screenTitleOf(s.panel, names)}`,
    })),
    { id: GRID_SCREEN, title: 'Вся стена' },
  ];
  const displays = (await listDisplays(ctx.db, ctx.now())).map((d) => ({
    ...d,
    createdAt: d.createdAt.toISOString(),
    pairedAt: iso(d.pairedAt),
    revokedAt: iso(d.revokedAt),
    lastSeenAt: iso(d.lastSeenAt),
  }));
  return (
    <DisplaysAdmin
      initialDisplays={displays}
      screens={screens}
      initialCode={typeof code === 'string' ? code.slice(0, 20) : ''}
    />
  );
}
