import type { Metadata } from 'next';
import { ComplaintWorklist } from '@/components/executor/complaint-worklist';
import { WORKLIST_PAGE_SIZE } from '@/components/executor/worklist-api';
import { can, listFilter, seesPersonalData } from '@/lib/domain/access';
import { listComplaints } from '@/lib/lifecycle/list-complaints';
import { triageNamesOf } from '@/lib/triage/triage-names';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Мои обращения — ЦУР Московской области' };

/**
 * The executor's workspace: the first page of its open complaints renders with the page (another role sees its
 * own scoped list, read-only unless it may move complaints); the client pages on and moves them.
 */
export default async function MyComplaintsPage() {
  const actor = await requirePage('complaint:list', undefined, { from: '/my' });
  const { ctx } = getApp();
  const now = ctx.now();
  const page = await listComplaints(ctx.db, {
    scope: listFilter(actor),
    status: 'open',
    limit: WORKLIST_PAGE_SIZE,
    now,
    personal: (facts) => seesPersonalData(actor, facts),
  });
  return (
    <ComplaintWorklist
      initial={page}
      names={triageNamesOf(ctx.reference)}
      serverNow={now.getTime()}
      canMove={can(actor, 'complaint:transition').ok}
      who={actor.kind === 'user' ? actor.name : ''}
    />
  );
}
