import { can, type Actor, type Decision } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import { authenticateSecret, type Authentication } from '../identity/authenticate';
import { getApp } from '../server/app-registry';
import { clientAddressOf } from '../server/client-address';
import { crossSiteRefusal } from './csrf';
import { identityWriteLimit } from './identity-rate-limit';
import type { ErrorAnswer, RouteAccess } from './route-types';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The error answer of a refused decision: 401 asks for a credential, 403 says this one is not enough. */
export function deniedAnswer(decision: Exclude<Decision, { ok: true }>, answer: ErrorAnswer): Response {
  const field: FieldError =
    decision.status === 401
      ? { field: 'authorization', message: decision.reason }
      : { field: 'authorization', message: `not allowed: ${decision.reason}` };
  return decision.status === 401
    ? withChallenge(
        answer(401, 'unauthenticated', 'Sign in, or send Authorization: Bearer <token>.', [field]),
      )
    : answer(403, 'forbidden', 'This identity may not do that.', [field]);
}

function withChallenge(response: Response): Response {
  response.headers.set('www-authenticate', 'Bearer realm="cur-wall"');
  return response;
}

/**
 * The gate every route passes before its handler: who is asking (bearer token or cookie), the CSRF check for
 * cookie-carried writes, the decision on the route's action, and the write limit per identity. Returns the
 * actor, or the answer that refuses the request.
 */
export async function authorizeRequest(
  request: Request,
  access: RouteAccess,
  answer: ErrorAnswer,
): Promise<Actor | Response> {
  const headers = {
    authorization: request.headers.get('authorization'),
    cookie: request.headers.get('cookie'),
    address: clientAddressOf(request),
  };
  // Nothing presented, nothing to look up: a public route answers even where no app is registered (Next
  // prerenders the static OpenAPI document at build time).
  const auth: Authentication =
    headers.authorization === null && headers.cookie === null
      ? { actor: { kind: 'anonymous' }, carrier: null }
      : await authenticateSecret(getApp().ctx.db, headers, getApp().ctx.now());
  if (auth.refused && !('public' in access))
    return deniedAnswer({ ok: false, status: 401, reason: auth.refused }, answer);

  const write = !READS.has(request.method);
  if (write && auth.carrier === 'cookie') {
    const refusal = crossSiteRefusal(request);
    if (refusal) return answer(403, 'cross_site', refusal, [{ field: 'origin', message: refusal }]);
  }
  if (!('public' in access)) {
    const decision = can(auth.actor, access.action);
    if (!decision.ok) return deniedAnswer(decision, answer);
  }
  if (write && auth.actor.kind !== 'anonymous') {
    const limited = identityWriteLimit(auth.actor);
    if (!limited.ok)
      return withRetryAfter(
        answer(
          429,
          'rate_limited',
          `Too many writes by this identity: retry in ${limited.retryAfterSeconds} s.`,
          [{ field: 'request', message: 'not processed; over the write limit of this identity' }],
        ),
        limited.retryAfterSeconds,
      );
  }
  return auth.actor;
}

function withRetryAfter(response: Response, seconds: number): Response {
  response.headers.set('retry-after', String(seconds));
  return response;
}
