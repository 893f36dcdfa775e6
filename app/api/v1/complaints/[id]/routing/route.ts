import { z } from 'zod';
import { complaintCommand } from '@/lib/http/command-route';
import { rerouteComplaint } from '@/lib/lifecycle/reroute-complaint';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const BODY = z.object({
  executor: z.string({ message: 'must be an executor code' }).trim().min(1, 'must not be empty').max(64),
  actor: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(200).optional(),
  comment: z.string({ message: 'must be a string' }).max(4000, 'must be at most 4000 characters').optional(),
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
