import { TRIAGE_PAGE_SIZE } from '@/components/triage/triage-api';
import { TriageScreen } from '@/components/triage/triage-screen';
import { getApp } from '@/lib/server/app-registry';
import { getTriageQueue } from '@/lib/triage/get-triage-queue';
import { triageNamesOf } from '@/lib/triage/triage-names';

/** The operator queue as /triage opens it: the first page renders, the client polls from there. */
export async function TriageWall() {
  const { ctx } = getApp();
  const queue = await getTriageQueue(ctx.db, { limit: TRIAGE_PAGE_SIZE });
  return (
    <TriageScreen initialQueue={queue} names={triageNamesOf(ctx.reference)} serverNow={ctx.now().getTime()} />
  );
}
