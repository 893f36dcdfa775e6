import type { Metadata } from 'next';
import { AuditBrowser } from '@/components/admin/audit-browser';
import { requirePage } from '@/lib/http/page-access';
import { listAudit } from '@/lib/identity/list-audit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Журнал аудита — администрирование ЦУР' };

/** The audit log, newest first: the first page renders with the page; filters and «Ещё» go through the API. */
export default async function AdminAuditPage() {
  await requirePage('audit:read', undefined, { from: '/admin/audit' });
  const { ctx } = getApp();
  return <AuditBrowser initial={await listAudit(ctx.db, { limit: 50 })} />;
}
