import type { FieldError } from '../domain/field-errors';
import { findTextFaults } from '../domain/safe-text';

/** A request is a few short fields; anything near this is not one. */
export const MAX_POST_BYTES = 64 * 1024;

export type PostBody =
  { ok: true; fields: Record<string, unknown> } | { ok: false; status: number; errors: FieldError[] };

async function readCapped(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Stop reading at the limit instead of buffering whatever a client streams.
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** NUL, controls or a lone surrogate in any field refuse the request (400 naming it) before it is read further. */
function checked(fields: Record<string, unknown>): PostBody {
  const faults = findTextFaults(fields);
  return faults.length > 0 ? { ok: false, status: 400, errors: faults } : { ok: true, fields };
}

/**
 * The body of `POST requests.json`: form-urlencoded as GeoReport v2 prescribes, or a JSON object. A repeated
 * form field keeps its first value.
 */
export async function readPostBody(request: Request): Promise<PostBody> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const isForm = type.startsWith('application/x-www-form-urlencoded');
  const isJson = /^application\/([\w.+-]+\+)?json\b/.test(type);
  if (!isForm && !isJson) {
    return {
      ok: false,
      status: 415,
      errors: [
        {
          field: 'content-type',
          message: `must be application/x-www-form-urlencoded or application/json, got "${type || 'none'}"`,
        },
      ],
    };
  }
  const text = await readCapped(request, MAX_POST_BYTES);
  if (text === null)
    return {
      ok: false,
      status: 413,
      errors: [{ field: 'body', message: `must be at most ${MAX_POST_BYTES} bytes` }],
    };
  if (isForm) {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) if (!(key in fields)) fields[key] = value;
    return checked(fields);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return { ok: false, status: 400, errors: [{ field: 'body', message: 'must be a JSON object' }] };
    return checked(parsed as Record<string, unknown>);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'malformed JSON';
    return { ok: false, status: 400, errors: [{ field: 'body', message: `is not valid JSON: ${why}` }] };
  }
}
