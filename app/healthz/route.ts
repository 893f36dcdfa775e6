import { route } from '@/lib/http/handle-route';
import type { Actor } from '@/lib/domain/access';
import { json } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A balancer's check gives up after a second or two: the answer must come well before. */
const DATABASE_DEADLINE_MS = 800;

/**
 * Liveness for load balancers and monitors, public on purpose and minimal: the status alone for anyone, the
 * build and uptime for a signed-in caller. 503 within a second when the database does not answer (route()
 * answers at once while it is known down; otherwise a probe on a connection of its own, never queued behind
 * the pool's work, races a deadline), and 503 while the node shuts down (the server answers that before Next).
 */
export const GET = route(
  { public: 'liveness probe' },
  async (_request: Request, actor: Actor): Promise<Response> => {
    const { ctx, buildId, startedAt } = getApp();
    const known = actor.kind !== 'anonymous';
    if (!(await ctx.health.check(DATABASE_DEADLINE_MS))) return json({ status: 'error' }, 503);
    if (!known) return json({ status: 'ok' });
    return json({
      status: 'ok',
      buildId,
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    });
  },
);
