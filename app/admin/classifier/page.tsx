import type { Metadata } from 'next';
import { listClassifierVersions } from '@/lib/classifier-learning/list-classifier-versions';
import { LEARNING } from '@/lib/classifier-learning/settings';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';
import { ClassifierAdmin } from './classifier-admin';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Классификатор — администрирование ЦУР' };

/** The classifier's versions with their held-out scores; retraining and rollback go through the API. */
export default async function AdminClassifierPage() {
  await requirePage('classifier:manage', undefined, { from: '/admin/classifier' });
  const { ctx } = getApp();
  const blocks = Object.fromEntries([...ctx.reference.blocks.values()].map((b) => [b.code, b.name]));
  return (
    <ClassifierAdmin
      initialVersions={await listClassifierVersions(ctx.db)}
      blockNames={blocks}
      rules={{
        afterDecisions: LEARNING.afterDecisions,
        heldOutShare: LEARNING.heldOutShare,
        targetPrecision: LEARNING.targetPrecision,
      }}
    />
  );
}
