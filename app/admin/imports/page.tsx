import type { Metadata } from 'next';
import { Open311ServicesAdmin } from '@/components/admin/open311-services-admin';
import { requirePage } from '@/lib/http/page-access';
import { listServiceMappings } from '@/lib/open311/list-service-mappings';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Импорт Open311 — администрирование ЦУР' };

/** Other GeoReport servers' services and our category for each: read, proposed, confirmed by an admin. */
export default async function AdminImportsPage() {
  await requirePage('import:run', undefined, { from: '/admin/imports' });
  const { ctx } = getApp();
  const categories = [...ctx.reference.categories.values()]
    .map((c) => ({
      code: c.code,
      name: c.name,
      block: ctx.reference.blocks.get(c.blockCode)?.name ?? c.blockCode,
    }))
    .sort((a, b) => a.block.localeCompare(b.block, 'ru') || a.name.localeCompare(b.name, 'ru'));
  return <Open311ServicesAdmin initialServices={await listServiceMappings(ctx.db)} categories={categories} />;
}
