import { route } from '@/lib/http/handle-route';
import { actorRef, type Actor } from '@/lib/domain/access';
import { complaintCommand } from '@/lib/http/command-route';
import { reclassifyComplaint } from '@/lib/lifecycle/reclassify-complaint';
import { RECLASSIFICATION_BODY_SCHEMA } from '@/lib/lifecycle/command-bodies';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Corrects the category of an open, classified complaint: new block, deadlines, problem and executor. */
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
      RECLASSIFICATION_BODY_SCHEMA,
      'reclassification',
      (complaintId, body) =>
        reclassifyComplaint(getApp().ctx, { complaintId, ...body, actor: actorRef(actor) }),
    );
  },
);
