import type { z } from 'zod';
import { isOverloaded } from '../commit/write-queue';
import { zodFieldErrors } from '../domain/field-errors';
import { parseIdParam, refusedResponse } from './id-param';
import { readJsonBody } from './read-json-body';
import { errorResponse, json, overloaded } from './responses';

type Refusal = Parameters<typeof refusedResponse>[0];
type CommandResult = ({ status: 'applied' } & object) | ({ status: 'rejected' } & Refusal);

/**
 * A command on one complaint (`POST /api/v1/complaints/{id}/<command>`): parse the id and the body, run it,
 * answer 201 with the result or the refusal's status (400 / 404 / 409), 503 when the writer is full.
 */
export async function complaintCommand<S extends z.ZodType>(
  request: Request,
  rawId: string,
  schema: S,
  what: string,
  run: (id: number, body: z.infer<S>) => Promise<CommandResult>,
): Promise<Response> {
  const id = parseIdParam(rawId);
  if (!id.ok) return id.response;
  const body = await readJsonBody(request, 16 * 1024);
  if (!body.ok) return body.response;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return errorResponse(
      400,
      'invalid_body',
      `the ${what} is not valid`,
      zodFieldErrors(parsed.error, body.value),
    );
  try {
    const result = await run(id.id, parsed.data);
    return result.status === 'applied' ? json(result, 201) : refusedResponse(result);
  } catch (error) {
    if (isOverloaded(error)) return overloaded(error);
    throw error;
  }
}
