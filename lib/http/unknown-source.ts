import type { AppContext } from '../context';
import { errorResponse } from './responses';

/** 404 for a source code that is not in the reference; null for a known one. */
export function unknownSource(ctx: AppContext, source: string): Response | null {
  if (ctx.reference.sources.has(source)) return null;
  return errorResponse(404, 'unknown_source', `unknown source code "${source}"`, [
    { field: 'source', message: 'is not a source code from /api/v1/reference' },
  ]);
}
