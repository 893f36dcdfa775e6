import type { Metadata } from 'next';
import { SourceKeysAdmin } from '@/components/admin/source-keys-admin';
import { requirePage } from '@/lib/http/page-access';
import { listSourceKeys } from '@/lib/identity/list-source-keys';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Ключи источников — администрирование ЦУР' };

/** Integration keys per source: the list renders with the page; issuing and revoking go through the API. */
export default async function AdminKeysPage() {
  await requirePage('identity:manage', undefined, { from: '/admin/keys' });
  const { ctx } = getApp();
  const sources = [...ctx.reference.sources.values()]
    .map((s) => ({ code: s.code, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return <SourceKeysAdmin initialKeys={await listSourceKeys(ctx.db)} sources={sources} />;
}
