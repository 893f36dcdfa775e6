import type { Metadata } from 'next';
import { TriageScreen } from '@/components/triage/triage-screen';
import { TRIAGE_PAGE_SIZE } from '@/components/triage/triage-api';
import { triageNamesOf } from '@/lib/triage/triage-names';
import { getTriageQueue } from '@/lib/triage/get-triage-queue';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Очередь оператора — ЦУР Московской области' };

/** The operator queue: the first page of the queue renders with the page, the client polls from there. */
export default async function TriagePage() {
  await requirePage('triage:read', undefined, { from: '/triage' });
  const { ctx } = getApp();
  const queue = await getTriageQueue(ctx.db, { limit: TRIAGE_PAGE_SIZE });
  return (
    <TriageScreen initialQueue={queue} names={triageNamesOf(ctx.reference)} serverNow={ctx.now().getTime()} />
  );
}
