import type { z } from 'zod';
import type { Action, Actor, ComplaintFacts } from '../domain/access';
import { getComplaintFacts } from '../lifecycle/get-complaint-facts';
import { getApp } from '../server/app-registry';
import { refuse } from './authorize';
import { isOverloaded } from '../commit/write-queue';
import { parseIdParam, refusedResponse } from './id-param';
import { readValidBody } from './read-json-body';
import { errorResponse, json, overloaded } from './responses';

type Refusal = Parameters<typeof refusedResponse>[0];
type CommandResult = ({ status: 'applied' } & object) | ({ status: 'rejected' } & Refusal);

/**
 * A command on one complaint (`POST /api/v1/complaints/{id}/<command>`): parse the id and the body, run it,
 * answer 201 with the result or the refusal's status (400 / 404 / 409), 503 when the writer is full.
 */
export async function complaintCommand<S extends z.ZodType>(
  request: Request,
  actor: Actor,
  action: Action,
  rawId: string,
  schema: S,
  what: string,
  run: (id: number, body: z.infer<S>) => Promise<CommandResult>,
): Promise<Response> {
  const id = parseIdParam(rawId);
  if (!id.ok) return id.response;
  const access = await complaintAccess(actor, action, id.id);
  if (!access.ok) return access.response;
  const parsed = await readValidBody(request, 16 * 1024, schema, `the ${what} is not valid`);
  if (!parsed.ok) return parsed.response;
  try {
    const result = await run(id.id, parsed.data);
    return result.status === 'applied' ? json(result, 201) : refusedResponse(result);
  } catch (error) {
    if (isOverloaded(error)) return overloaded(error);
    throw error;
  }
}

/**
 * The decision on one complaint: 404 when it does not exist or the actor's scope does not reach it (a scoped
 * role cannot probe for others' complaints), 403 when the actor may read it but not do this to it.
 */
export async function complaintAccess(
  actor: Actor,
  action: Action,
  id: number,
): Promise<{ ok: true; facts: ComplaintFacts } | { ok: false; response: Response }> {
  const facts = await getComplaintFacts(getApp().ctx.db, id);
  if (!facts) return { ok: false, response: notFound(id) };
  const missing = { what: `complaint ${id}`, field: 'id' };
  const response =
    refuse(actor, 'complaint:read', { complaint: facts }, missing) ??
    refuse(actor, action, { complaint: facts });
  return response ? { ok: false, response } : { ok: true, facts };
}

function notFound(id: number): Response {
  return errorResponse(404, 'not_found', `complaint ${id} does not exist`, [
    { field: 'id', message: 'unknown' },
  ]);
}
