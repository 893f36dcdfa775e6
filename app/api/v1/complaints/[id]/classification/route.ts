import { z } from 'zod';
import { complaintCommand } from '@/lib/http/command-route';
import { classifyComplaint } from '@/lib/lifecycle/classify-complaint';
import { ACTOR_FIELD, CATEGORY_FIELD } from '@/lib/lifecycle/validate-transition';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const BODY = z.object({
  category: CATEGORY_FIELD,
  municipality: z
    .string({ message: 'must be an OKTMO code' })
    .trim()
    .regex(/^\d{11}$/, 'must be an 11-digit OKTMO code')
    .optional(),
  actor: ACTOR_FIELD,
});

/** An operator classifies a complaint from the queue (and places it, if intake could not): then it is routed. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  return complaintCommand(request, (await params).id, BODY, 'classification', (complaintId, body) =>
    classifyComplaint(getApp().ctx, { complaintId, ...body }),
  );
}
