import { route } from '@/lib/http/handle-route';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { errorResponse, json } from '@/lib/http/responses';
import { getTriageQueue } from '@/lib/triage/get-triage-queue';
import { TRIAGE_QUERY_SCHEMA } from '@/lib/triage/triage-query';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The operator queue: complaints waiting for a category, with the classifier's suggestions. */
export const GET = route({ action: 'triage:read' }, async (request: Request): Promise<Response> => {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = TRIAGE_QUERY_SCHEMA.safeParse(raw);
  if (!parsed.success)
    return errorResponse(400, 'invalid_query', 'the query is not valid', zodFieldErrors(parsed.error, raw));
  return json(await getTriageQueue(getApp().ctx.db, parsed.data));
});
