import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/ingest/write-queue';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { zodFieldErrors } from '@/lib/http/field-errors';
import { TRANSITION_BODY_SCHEMA } from '@/lib/lifecycle/validate-transition';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const STATUS_BY_CODE = { not_found: 404, illegal: 409, invalid: 400 } as const;

/** A lifecycle change of one complaint, appended to its history. */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  if (!/^\d{1,15}$/.test(id) || Number(id) <= 0) {
    return errorResponse(400, 'invalid_id', 'the complaint id must be a positive integer', [
      { field: 'id', message: `got "${id}"` },
    ]);
  }
  const body = await readJsonBody(request, 64 * 1024);
  if (!body.ok) return body.response;
  const parsed = TRANSITION_BODY_SCHEMA.safeParse(body.value);
  if (!parsed.success)
    return errorResponse(
      400,
      'invalid_body',
      'the event is not valid',
      zodFieldErrors(parsed.error, body.value),
    );

  let result;
  try {
    [result] = await recordTransitions(getApp().ctx, [{ complaintId: Number(id), ...parsed.data }]);
  } catch (error) {
    if (isOverloaded(error)) return overloaded(error);
    throw error;
  }
  if (!result) return errorResponse(500, 'internal', 'no result');
  if (result.status === 'rejected') {
    return errorResponse(
      STATUS_BY_CODE[result.code],
      result.code,
      result.errors[0]?.message ?? 'refused',
      result.errors,
    );
  }
  return json(result, 201);
}
