import type { FieldError } from '../domain/field-errors';
import type { GeoReportError } from './types';

/** GeoReport v2 errors are a bare array of `{ code, description }`; each description names the field and why. */
export function georeportError(
  status: number,
  errors: FieldError[],
  headers: Record<string, string> = {},
): Response {
  const body: GeoReportError[] = errors.map((e) => ({
    code: status,
    description: e.field ? `${e.field}: ${e.message}` : e.message,
  }));
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
