import { route } from '@/lib/http/handle-route';
import { actorRef, type Actor } from '@/lib/domain/access';
import { complaintCommand } from '@/lib/http/command-route';
import { classifyComplaint } from '@/lib/lifecycle/classify-complaint';
import { CLASSIFICATION_BODY_SCHEMA } from '@/lib/lifecycle/command-bodies';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** An operator classifies a complaint from the queue (and places it, if intake could not): then it is routed. */
export const POST = route(
  { action: 'complaint:classify' },
  async (
    request: Request,
    actor: Actor,
    { params }: { params: Promise<{ id: string }> },
  ): Promise<Response> => {
    return complaintCommand(
      request,
      actor,
      'complaint:classify',
      (await params).id,
      CLASSIFICATION_BODY_SCHEMA,
      'classification',
      (complaintId, body) =>
        classifyComplaint(getApp().ctx, { complaintId, ...body, actor: actorRef(actor) }),
    );
  },
);
