import { route } from '@/lib/http/handle-route';
import { listFilter, seesPersonalData, type Actor, type ListFilter } from '@/lib/domain/access';
import type { FieldError } from '@/lib/domain/field-errors';
import { zodFieldErrors } from '@/lib/domain/field-errors';
import { listComplaints } from '@/lib/lifecycle/list-complaints';
import { COMPLAINT_LIST_QUERY_SCHEMA } from '@/lib/lifecycle/list-complaints-query';
import type { ReferenceCache } from '@/lib/reference/types';
import { foreignItems } from '@/lib/ingest/foreign-items';
import { readJsonBody } from '@/lib/http/read-json-body';
import { apiAnswer, errorResponse, json, overloaded } from '@/lib/http/responses';
import { isOverloaded } from '@/lib/commit/write-queue';
import { MAX_BODY_BYTES } from '@/lib/domain/limits';
import { parseBatch } from '@/lib/ingest/parse-batch';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { getApp } from '@/lib/server/app-registry';
import { openIntakeGate, refuseIntakeEarly } from '@/lib/http/intake-gate';
import { intakeRefusals } from '@/lib/metrics/registry';

export const dynamic = 'force-dynamic';

/**
 * Intake: answers per item after the commit; 200 all stored or duplicate, 207 mixed, 422 all rejected, 503 with
 * Retry-After (nothing stored) when the expected wait is too long (decided before the body is parsed) or the
 * writer's backlog is full.
 */
export const POST = route(
  { action: 'complaint:create' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const { ctx } = getApp();
    const gate = openIntakeGate(ctx, request);
    if ('refused' in gate) return gate.refused;
    try {
      const body = await readJsonBody(request, MAX_BODY_BYTES, { beforeParse: gate.beforeParse });
      if (!body.ok) return body.response;
      const batch = parseBatch(body.value);
      if (!batch.ok) return errorResponse(batch.status, batch.code, batch.message, batch.errors);
      gate.parsed(batch.items.length);
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
        results = await recordComplaints(ctx, batch.items);
      } catch (error) {
        if (isOverloaded(error)) return overloaded(error);
        throw error;
      }
      const rejected = results.filter((r) => r.status === 'rejected').length;
      const status = rejected === 0 ? 200 : rejected === results.length ? 422 : 207;
      return json({ results }, status);
    } finally {
      gate.done();
    }
  },
  apiAnswer,
  {
    refuseEarly: (request) => refuseIntakeEarly(getApp().ctx, request),
    onDatabaseDown: () => intakeRefusals.inc({ reason: 'database_down' }),
  },
);

type ListQuery = { block?: string; municipality?: string; executor?: string };

/** Asked codes the reference does not know (400), each by its field. */
function unknownCodes(query: ListQuery, reference: ReferenceCache): FieldError[] {
  const known: [keyof ListQuery, ReadonlyMap<string, unknown>][] = [
    ['block', reference.blocks],
    ['municipality', reference.municipalities],
    ['executor', reference.executors],
  ];
  return known
    .filter(([field, codes]) => query[field] !== undefined && !codes.has(query[field]))
    .map(([field]) => ({ field, message: 'unknown code' }));
}

/** Asked codes outside the caller's scope (403): a block lead asking for another block is told so. */
function outsideScope(query: ListQuery, scope: ListFilter | null): FieldError[] {
  if (!scope) return [];
  const checks: [keyof ListQuery, readonly string[] | undefined][] = [
    ['block', scope.blocks],
    ['municipality', scope.municipalities],
    ['executor', scope.executors],
  ];
  return checks
    .filter(
      ([field, allowed]) =>
        allowed !== undefined && query[field] !== undefined && !allowed.includes(query[field]!),
    )
    .map(([field]) => ({ field, message: 'outside your scope' }));
}

/**
 * Complaints newest first, a page at a time, within the caller's scope (a block lead's blocks, a municipal
 * user's OKTMOs, an executor's own); texts unmasked only for the roles that may read personal data.
 */
export const GET = route(
  { action: 'complaint:list' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = COMPLAINT_LIST_QUERY_SCHEMA.safeParse(raw);
    if (!parsed.success)
      return errorResponse(400, 'invalid_query', 'the query is not valid', zodFieldErrors(parsed.error, raw));
    const { ctx } = getApp();
    const query = parsed.data;
    const unknown = unknownCodes(query, ctx.reference);
    if (unknown.length > 0) return errorResponse(400, 'invalid_query', 'unknown codes in the query', unknown);
    const scope = listFilter(actor);
    const outside = outsideScope(query, scope);
    if (outside.length > 0)
      return errorResponse(403, 'forbidden', 'the query asks outside your scope', outside);
    const page = await listComplaints(ctx.db, {
      ...query,
      overdue: query.overdue === 'true',
      scope,
      now: ctx.now(),
      personal: (facts) => seesPersonalData(actor, facts),
    });
    return json(page);
  },
);
