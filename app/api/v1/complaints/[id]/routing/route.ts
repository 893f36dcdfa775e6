import { z } from 'zod';
import { complaintCommand } from '@/lib/http/command-route';
import { rerouteComplaint } from '@/lib/lifecycle/reroute-complaint';
import { ACTOR_FIELD, COMMENT_FIELD } from '@/lib/lifecycle/validate-transition';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const BODY = z.object({
  executor: z.string({ message: 'must be an executor code' }).trim().min(1, 'must not be empty').max(64),
  actor: ACTOR_FIELD,
  comment: COMMENT_FIELD,
});

/** Re-routes an open complaint to another executor; recorded as a `routed` event. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return complaintCommand(request, (await params).id, BODY, 'routing', (complaintId, body) =>
    rerouteComplaint(getApp().ctx, { complaintId, ...body }),
  );
}
