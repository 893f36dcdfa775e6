import { route } from '@/lib/http/handle-route';
import { describeError } from '@/lib/log/describe-error';
import type { Actor } from '@/lib/domain/access';
import { json } from '@/lib/http/responses';
import { checkDatabase } from '@/lib/queries/check-database';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * Liveness for load balancers and monitors, public on purpose and minimal: the status alone for anyone, the
 * build and uptime for a signed-in caller. A database failure is logged, not described to the caller.
 */
export const GET = route(
  { public: 'liveness probe' },
  async (_request: Request, actor: Actor): Promise<Response> => {
    const { ctx, buildId, startedAt } = getApp();
    const known = actor.kind !== 'anonymous';
    try {
      await checkDatabase(ctx.db);
      if (!known) return json({ status: 'ok' });
      return json({
        status: 'ok',
        buildId,
        uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      });
    } catch (error) {
      ctx.log.error({ err: describeError(error) }, 'health check failed');
      return json({ status: 'error' }, 503);
    }
  },
);
