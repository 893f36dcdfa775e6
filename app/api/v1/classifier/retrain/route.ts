import { route } from '@/lib/http/handle-route';
import { actorRef, type Actor } from '@/lib/domain/access';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { classifierLearning } from '@/lib/classifier-learning/learning-service';
import { recordAudit } from '@/lib/identity/audit';
import { clientAddressOf } from '@/lib/server/client-address';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * Retrains now (in a worker thread) and answers with the stored version: live when it beat the live one on
 * the held-out decisions, refused with the reason otherwise. 409 when nothing could be trained (too few
 * decisions to judge by).
 */
export const POST = route(
  { action: 'classifier:manage' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const { ctx } = getApp();
    try {
      const result = await classifierLearning().retrain(ctx, { requestedBy: actorRef(actor), force: true });
      await recordAudit(ctx.db, {
        actor,
        action: 'classifier_retrained',
        target: result.status === 'skipped' ? null : `classifier-version:${result.version}`,
        outcome: result.status === 'skipped' ? 'failed' : 'ok',
        address: clientAddressOf(request),
        detail:
          result.status === 'skipped'
            ? { reason: result.reason }
            : { status: result.status, coverage: result.metrics.candidate.coverage },
      });
      if (result.status === 'skipped') return errorResponse(409, 'not_trained', result.reason);
      return json(result, 201);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
  },
);
