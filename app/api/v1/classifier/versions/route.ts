import { route } from '@/lib/http/handle-route';
import { json } from '@/lib/http/responses';
import { listClassifierVersions } from '@/lib/classifier-learning/list-classifier-versions';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The classifier's versions newest first, each with its held-out scores and the live one's beside them. */
export const GET = route({ action: 'classifier:manage' }, async (): Promise<Response> => {
  const { ctx } = getApp();
  return json({ versions: await listClassifierVersions(ctx.db) });
});
