import { z } from 'zod';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { errorResponse, json } from '@/lib/http/responses';
import { getTriageQueue } from '@/lib/triage/get-triage-queue';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

const QUERY = z.object({
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1)
    .max(500)
    .default(50),
  after: z.coerce.number({ message: 'must be a number' }).int('must be an integer').positive().optional(),
});

/** The operator queue: complaints waiting for a category, with the classifier's suggestions. */
export async function GET(request: Request): Promise<Response> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = QUERY.safeParse(raw);
  if (!parsed.success)
    return errorResponse(400, 'invalid_query', 'the query is not valid', zodFieldErrors(parsed.error, raw));
  return json(await getTriageQueue(getApp().ctx.db, parsed.data));
}
