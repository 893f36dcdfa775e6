import { z } from 'zod';
import { zodFieldErrors } from '@/lib/http/field-errors';
import { parseIdParam, refusedResponse } from '@/lib/http/id-param';
import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/ingest/write-queue';
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
  const id = parseIdParam((await params).id);
  if (!id.ok) return id.response;
  const body = await readJsonBody(request, 16 * 1024);
  if (!body.ok) return body.response;
  const parsed = BODY.safeParse(body.value);
  if (!parsed.success)
    return errorResponse(
      400,
      'invalid_body',
      'the routing is not valid',
      zodFieldErrors(parsed.error, body.value),
    );
  try {
    const result = await rerouteComplaint(getApp().ctx, { complaintId: id.id, ...parsed.data });
    return result.status === 'applied' ? json(result, 201) : refusedResponse(result);
  } catch (error) {
    if (isOverloaded(error)) return overloaded(error);
    throw error;
  }
}
