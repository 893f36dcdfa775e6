import { z } from 'zod';
import { complaintCommand } from '@/lib/http/command-route';
import { reclassifyComplaint } from '@/lib/lifecycle/reclassify-complaint';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const BODY = z.object({
  category: z.string({ message: 'must be a category code' }).trim().min(1, 'must not be empty').max(64),
  actor: z.string({ message: 'must be a string' }).trim().min(1, 'must not be empty').max(200).optional(),
  comment: z.string({ message: 'must be a string' }).max(4000, 'must be at most 4000 characters').optional(),
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
