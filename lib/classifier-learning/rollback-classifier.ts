import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import type { ClassifierVersionStatus } from '../../db/schema/classifier-versions';
import { commitChange } from '../commit/commit-change';
import type { AppContext } from '../context';
import { actorRef, type Actor } from '../domain/access';
import { recordAudit } from '../identity/audit';
import { syncLiveClassifier } from './live-classifier';

export type RollbackResult =
  | { status: 'applied'; version: number; retired: number | null }
  | { status: 'rejected'; code: 'not_found' | 'illegal'; message: string };

/**
 * Makes an earlier version live again (an admin's decision, audited): the live one is retired, every node
 * loads the earlier one (rebuilt from its examples). Only a version that was live once can come back; a
 * refused one lost to the version it was compared with.
 */
export async function rollbackClassifier(
  ctx: AppContext,
  actor: Actor,
  versionId: number,
  address: string | null = null,
): Promise<RollbackResult> {
  const result = await commitChange(
    ctx,
    { lane: 'exclusive', items: 1 },
    async (tx, unit): Promise<RollbackResult> => {
      const rows = rowsOf<{ id: string | number; status: ClassifierVersionStatus }>(
        await tx.execute(sql`select id, status from classifier_versions
          where id = ${versionId} or status = 'live' for update`),
      );
      const target = rows.find((r) => Number(r.id) === versionId);
      if (!target)
        return { status: 'rejected', code: 'not_found', message: `no classifier version ${versionId}` };
      if (target.status !== 'retired')
        return {
          status: 'rejected',
          code: 'illegal',
          message: `version ${versionId} is "${target.status}"; only a retired version (live once) can be made live again`,
        };
      const live = rows.find((r) => r.status === 'live');
      const retired = live ? Number(live.id) : null;
      if (retired !== null)
        await tx.execute(sql`update classifier_versions set status = 'retired',
          reason = ${`откат к версии ${versionId}`} where id = ${retired}`);
      await tx.execute(sql`update classifier_versions set status = 'live',
        live_at = ${unit.now.toISOString()}::timestamptz where id = ${versionId}`);
      await recordAudit(tx, {
        actor,
        action: 'classifier_rolled_back',
        target: `classifier-version:${versionId}`,
        address,
        detail: { from: retired, to: versionId, by: actorRef(actor) },
      });
      unit.change.classifier = versionId;
      return { status: 'applied', version: versionId, retired };
    },
  );
  // This node switches before answering; the others hear it through the change feed.
  if (result.status === 'applied') await syncLiveClassifier(ctx);
  return result;
}
