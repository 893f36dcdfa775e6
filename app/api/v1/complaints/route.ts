import { route } from '@/lib/http/handle-route';
import type { Actor } from '@/lib/domain/access';
import { foreignItems } from '@/lib/ingest/foreign-items';
import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { MAX_BODY_BYTES } from '@/lib/domain/limits';
import { parseBatch } from '@/lib/ingest/parse-batch';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/**
 * Intake: answers per item after the commit; 200 all stored or duplicate, 207 mixed, 422 all rejected, 503 with
 * Retry-After (nothing stored) while the writer's backlog is full.
 */
export const POST = route(
  { action: 'complaint:create' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const body = await readJsonBody(request, MAX_BODY_BYTES);
    if (!body.ok) return body.response;
    const batch = parseBatch(body.value);
    if (!batch.ok) return errorResponse(batch.status, batch.code, batch.message, batch.errors);
    const batched = typeof body.value === 'object' && body.value !== null && 'complaints' in body.value;
    const foreign = foreignItems(actor, batch.items, batched);
    if (foreign.length > 0)
      return errorResponse(
        403,
        'forbidden',
        'this key may not post for these sources or regions; nothing stored',
        foreign,
      );

    let results;
    try {
      results = await recordComplaints(getApp().ctx, batch.items);
    } catch (error) {
      if (isOverloaded(error)) return overloaded(error);
      throw error;
    }
    const rejected = results.filter((r) => r.status === 'rejected').length;
    const status = rejected === 0 ? 200 : rejected === results.length ? 422 : 207;
    return json({ results }, status);
  },
);
