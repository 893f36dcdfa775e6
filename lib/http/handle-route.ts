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
import { classifyDbError } from '../health/classify-db-error';
import type { DatabaseHealth } from '../health/database-health';

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

export interface RouteOptions {
  /**
   * A refusal decided from the request's headers alone, before authorization: intake's backpressure, so an
   * overloaded node answers 503 at once instead of queueing the caller's lookup behind the writes it is
   * protecting. Null lets the request go on. It must not depend on who the caller is.
   */
  refuseEarly?: (request: Request) => Response | null;
  /** Told when the route answered 503 `database_unavailable` without trying (intake counts its refusals). */
  onDatabaseDown?: () => void;
}

/** The running app's database health, or null outside the server (a unit test without a registered app). */
function healthOrNull(): DatabaseHealth | null {
  try {
    return getApp().ctx.health;
  } catch {
    return null;
  }
}

/** Seconds a client is told to wait while the database is unavailable: the probe looks every quarter second. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

function withRetryAfter(response: Response, seconds: number): Response {
  response.headers.set('retry-after', String(seconds));
  return response;
}

/** 503 for a database that cannot be reached (or a statement it cancelled): nothing of the request was done. */
function databaseAnswer(answer: ErrorAnswer, kind: 'unavailable' | 'timeout', since?: Date): Response {
  const response =
    kind === 'unavailable'
      ? answer(
          503,
          'database_unavailable',
          `the database is unavailable${since ? ` since ${since.toISOString()}` : ''}; retry later`,
          [],
        )
      : answer(503, 'database_timeout', 'the database did not answer in time; retry later', []);
  return withRetryAfter(response, DATABASE_RETRY_AFTER_SECONDS);
}

/** More than any route reads: an upload this large is cut rather than read to its end. */
const DISCARD_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Reads and drops a body the handler answered without reading (a 503 before parsing): the client is still
 * sending it, and a connection closed under it would reach the client as a reset instead of our answer.
 */
function discardUnreadBody(request: Request): void {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  let seen = 0;
  const pump = (): Promise<void> =>
    reader.read().then(({ done, value }) => {
      if (done) return;
      seen += value.byteLength;
      if (seen > DISCARD_LIMIT_BYTES) return reader.cancel();
      return pump();
    });
  void pump().catch(() => {});
}

/**
 * Every route handler is built by this: text faults in the query string or a path segment are refused with
 * 400 naming the parameter before the handler runs (the body is checked by readJsonBody / readPostBody), and
 * an unexpected throw answers 500 with the documented error body (no stack, nothing of the request) and is
 * logged without the request's values (describeError). While the database is down every route answers 503
 * `database_unavailable` with Retry-After at once, and a failure that shows it down (or a statement it
 * cancelled, `database_timeout`) answers the same instead of 500.
 */
export function route<C extends unknown[] = []>(
  access: RouteAccess,
  handler: (request: Request, actor: Actor, ...rest: C) => Promise<Response> | Response,
  answer: ErrorAnswer = apiAnswer,
  options: RouteOptions = {},
): RouteHandler<[Request, ...C]> {
  const wrapped = async (request: Request, ...rest: C): Promise<Response> => {
    const response = await answerRequest(request, ...rest);
    discardUnreadBody(request);
    return response;
  };
  const answerRequest = async (request: Request, ...rest: C): Promise<Response> => {
    const context = rest[0];
    const health = healthOrNull();
    // Known down: answer at once rather than queue for a connection (the sign-in check needs one too).
    if (health && !health.up) {
      options.onDatabaseDown?.();
      return databaseAnswer(answer, 'unavailable', health.since);
    }
    try {
      {
        const faults = findQueryFaults(new URL(request.url).searchParams);
        if (faults.length > 0)
          return answer(400, 'invalid_query', 'the query holds characters no text may contain', faults);
      }
      const inPath = await pathFaults(context);
      if (inPath.length > 0)
        return answer(400, 'invalid_path', 'the path holds characters no text may contain', inPath);
      // Before the caller is looked up, which takes a database round trip that waits behind the writes.
      const early = options.refuseEarly?.(request);
      if (early) return early;
      const gate = await authorizeRequest(request, access, answer);
      if (gate instanceof Response) return gate;
      return await handler(request, gate, ...rest);
    } catch (error) {
      const kind = health ? health.reportFailure(error) : classifyDbError(error);
      if (kind !== 'other')
        return databaseAnswer(answer, kind, health && !health.up ? health.since : undefined);
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
