import { route } from '@/lib/http/handle-route';
import { actorRef, type Actor } from '@/lib/domain/access';
import { complaintCommand } from '@/lib/http/command-route';
import { rerouteComplaint } from '@/lib/lifecycle/reroute-complaint';
import { ROUTING_BODY_SCHEMA } from '@/lib/lifecycle/command-bodies';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * Re-routes an open complaint to another executor: a `routed` event with both executors, an answer to the source
 * channel naming the new one, and the block's panel recounted.
 */
export const POST = route(
  { action: 'complaint:route' },
  async (
    request: Request,
    actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    return complaintCommand(
      request,
      actor,
      'complaint:route',
      (await params).id,
      ROUTING_BODY_SCHEMA,
      'routing',
      (complaintId, body) => rerouteComplaint(getApp().ctx, { complaintId, ...body, actor: actorRef(actor) }),
    );
  },
);
