import type { FieldError } from '../domain/field-errors';
import type { Actor } from '../domain/access';
import type { ErrorAnswer, RouteAccess } from './route-types';

export type { RouteAccess } from './route-types';
import { authorizeRequest } from './authorize-request';
import { findQueryFaults, textFault } from '../domain/safe-text';
import { georeportError } from '../open311/georeport-error';
import { getApp } from '../server/app-registry';
import { describeError } from '../log/describe-error';
import { apiAnswer } from './responses';

/** Marks a handler built by `route()`: tests/unit/hostile-routes.test.ts checks every exported method has it. */
export const ROUTE_MARK = Symbol.for('cur-wall.route-handler');

export type RouteHandler<A extends unknown[]> = ((...args: A) => Promise<Response>) & {
  readonly [ROUTE_MARK]: RouteAccess;
};

/** Open311 routes keep GeoReport v2's bare `[{ code, description }]`, a 500 included. */
export const georeportAnswer: ErrorAnswer = (status, _code, message, errors) =>
  georeportError(status, errors.length > 0 ? errors : [{ field: '', message }]);

async function pathFaults(context: unknown): Promise<FieldError[]> {
  if (!context || typeof context !== 'object' || !('params' in context)) return [];
  const params: unknown = await (context as { params: unknown }).params;
  if (!params || typeof params !== 'object') return [];
  return Object.entries(params).flatMap(([name, value]) => {
    const fault = typeof value === 'string' ? textFault(value) : null;
    return fault ? [{ field: name, message: fault }] : [];
  });
}

/** Logs a failure by its class and codes only: the request's query and body, and the SQL's values, stay out. */
function logFailure(request: unknown, error: unknown): void {
  const where =
    request instanceof Request
      ? { method: request.method, path: new URL(request.url).pathname }
      : { method: undefined, path: undefined };
  const fields = { ...where, err: describeError(error) };
  let log: { error: (fields: object, message: string) => void };
  try {
    log = getApp().ctx.log;
  } catch {
    log = { error: (f, m) => console.error(m, JSON.stringify(f)) };
  }
  log.error(fields, 'request failed');
}

/**
 * Every route handler is built by this: text faults in the query string or a path segment are refused with
 * 400 naming the parameter before the handler runs (the body is checked by readJsonBody / readPostBody), and
 * an unexpected throw answers 500 with the documented error body (no stack, nothing of the request) and is
 * logged without the request's values (describeError).
 */
export function route<C extends unknown[] = []>(
  access: RouteAccess,
  handler: (request: Request, actor: Actor, ...rest: C) => Promise<Response> | Response,
  answer: ErrorAnswer = apiAnswer,
): RouteHandler<[Request, ...C]> {
  const wrapped = async (request: Request, ...rest: C): Promise<Response> => {
    const context = rest[0];
    try {
      {
        const faults = findQueryFaults(new URL(request.url).searchParams);
        if (faults.length > 0)
          return answer(400, 'invalid_query', 'the query holds characters no text may contain', faults);
      }
      const inPath = await pathFaults(context);
      if (inPath.length > 0)
        return answer(400, 'invalid_path', 'the path holds characters no text may contain', inPath);
      const gate = await authorizeRequest(request, access, answer);
      if (gate instanceof Response) return gate;
      return await handler(request, gate, ...rest);
    } catch (error) {
      logFailure(request, error);
      return answer(500, 'internal', 'internal error', []);
    }
  };
  return Object.assign(wrapped, { [ROUTE_MARK]: access });
}

/** The access a function `route()` built declares, or null for any other function. */
export function routeAccessOf(value: unknown): RouteAccess | null {
  if (typeof value !== 'function') return null;
  return (value as { [ROUTE_MARK]?: RouteAccess })[ROUTE_MARK] ?? null;
}
