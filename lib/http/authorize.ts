import { can, type Action, type Actor, type Resource } from '../domain/access';
import { deniedAnswer } from './authorize-request';
import { apiAnswer, errorResponse } from './responses';

/**
 * A handler's check on the resource it loaded (the route gate checked the action alone): null when allowed,
 * else the 403 answer. `hide` answers 404 instead, for things whose existence is itself not to be revealed.
 */
export function refuse(
  actor: Actor,
  action: Action,
  resource: Resource,
  hide?: { what: string; field: string },
): Response | null {
  const decision = can(actor, action, resource);
  if (decision.ok) return null;
  if (hide && decision.status === 403)
    return errorResponse(404, 'not_found', `${hide.what} does not exist`, [
      { field: hide.field, message: 'unknown' },
    ]);
  return deniedAnswer(decision, apiAnswer);
}
