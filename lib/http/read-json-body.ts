import type { z } from 'zod';
import { zodFieldErrors } from '../domain/field-errors';
import { findTextFaults } from '../domain/safe-text';
import { errorResponse } from './responses';

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * Reads a JSON request body, refusing a wrong content type (415), a body over `maxBytes` (413, without reading
 * past the limit), malformed JSON (400, with the parser's position) and any string holding NUL, another
 * control character or an unpaired surrogate (400 `invalid_text`, each field named: `complaints[3].text`).
 */
export async function readJsonBody(
  request: Request,
  maxBytes: number,
  options: {
    /** Called with the body's size once read, before it is parsed: a Response refuses the request. */
    beforeParse?: (bytes: number) => Response | null;
  } = {},
): Promise<BodyResult> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return {
      ok: false,
      response: errorResponse(415, 'unsupported_media_type', 'content-type must be application/json', [
        { field: 'content-type', message: `got "${type || 'none'}"` },
      ]),
    };
  }
  const tooLarge = () => ({
    ok: false as const,
    response: errorResponse(413, 'payload_too_large', `the body exceeds ${maxBytes} bytes`, [
      { field: 'body', message: `must be at most ${maxBytes} bytes` },
    ]),
  });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const refusal = options.beforeParse?.(size) ?? null;
  if (refusal) return { ok: false, response: refusal };
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    return {
      ok: false,
      response: errorResponse(400, 'empty_body', 'the body is empty', [
        { field: 'body', message: 'is required' },
      ]),
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return {
      ok: false,
      response: errorResponse(400, 'invalid_json', 'the body is not valid JSON', [
        { field: 'body', message: error instanceof Error ? error.message : 'malformed JSON' },
      ]),
    };
  }
  // Before any schema sees it: a NUL or a lone surrogate anywhere refuses the whole request, naming the field,
  // so no route can forget a field and nothing such reaches the database.
  const faults = findTextFaults(value);
  if (faults.length > 0) {
    return {
      ok: false,
      response: errorResponse(400, 'invalid_text', 'the body holds characters no text may contain', faults),
    };
  }
  return { ok: true, value };
}

export type ValidBody<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * readJsonBody, then the route's schema: a body that breaks it is a 400 `invalid_body` with `message` and every
 * failing field named, so each route says what it expected in one line rather than repeating the refusal.
 */
export async function readValidBody<S extends z.ZodType>(
  request: Request,
  maxBytes: number,
  schema: S,
  message: string,
): Promise<ValidBody<z.infer<S>>> {
  const body = await readJsonBody(request, maxBytes);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return {
      ok: false,
      response: errorResponse(400, 'invalid_body', message, zodFieldErrors(parsed.error, body.value)),
    };
  return { ok: true, data: parsed.data };
}
