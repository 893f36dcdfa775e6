import type { Action } from '../domain/access';
import type { FieldError } from '../domain/field-errors';

/** How a route family writes an error: the API's `{ error: … }` by default, Open311 its GeoReport array. */
export type ErrorAnswer = (status: number, code: string, message: string, errors: FieldError[]) => Response;

/**
 * Who may call a route: an action `can()` decides for the caller before the handler runs (the handler narrows it
 * to the resource), or public on purpose, with the reason (tests/integration/route-walk.test.ts lists them all).
 */
export type RouteAccess = { action: Action } | { public: string };
