import { z } from 'zod';
import { complaintCommand } from '@/lib/http/command-route';
import { reclassifyComplaint } from '@/lib/lifecycle/reclassify-complaint';
import { ACTOR_FIELD, CATEGORY_FIELD, COMMENT_FIELD } from '@/lib/lifecycle/validate-transition';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const BODY = z.object({
  category: CATEGORY_FIELD,
  actor: ACTOR_FIELD,
  comment: COMMENT_FIELD,
});

/** Corrects the category of an open, classified complaint: new block, deadlines, problem and executor. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return complaintCommand(request, (await params).id, BODY, 'reclassification', (complaintId, body) =>
    reclassifyComplaint(getApp().ctx, { complaintId, ...body }),
  );
}
