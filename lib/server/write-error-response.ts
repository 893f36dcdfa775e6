import type { ServerResponse } from 'node:http';
import { errorBody, type FieldError } from '../domain/field-errors';

/** The documented error on a plain Node response: for what answers before Next (the perimeter, the bare server). */
export function writeErrorResponse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  errors?: FieldError[],
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(errorBody(status, code, message, errors));
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}
