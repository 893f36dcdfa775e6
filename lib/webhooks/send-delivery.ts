import { signPayload } from './sign-payload';

/** A pending delivery with its webhook, as the dispatcher sends it. */
export interface DueDelivery {
  id: number;
  sourceCode: string;
  event: string;
  payload: string;
  /** Attempts made in the current round (a manual retry starts a new round). */
  attempts: number;
  url: string;
  secret: string;
  maxAttempts: number;
}

export interface SendOutcome {
  /** Null when no HTTP answer came (network error, timeout). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  retryAfter: string | null;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Error texts are kept short: they are stored on every attempt and shown in the delivery log. */
export const MAX_ERROR_CHARS = 500;
/** Enough of a refusal's body to tell why, without reading a large page. */
const MAX_BODY_EXCERPT_BYTES = 2048;

function truncate(text: string): string {
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY_EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY_EXCERPT_BYTES).trim();
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  if (error instanceof Error) {
    const cause = error.cause as { code?: string; message?: string } | undefined;
    if (cause?.message) return `${cause.code ? `${cause.code}: ` : ''}${cause.message}`;
    return error.message;
  }
  return String(error);
}

/**
 * One signed POST. The timeout covers the whole exchange, body included, so a receiver that answers headers
 * and then stalls cannot hold a slot. Returns null when `stop` aborted it: that is no attempt of the receiver's.
 */
export async function sendDelivery(
  delivery: DueDelivery,
  options: { fetch: FetchLike; timeoutMs: number; stop: AbortSignal },
): Promise<SendOutcome | null> {
  const began = performance.now();
  const elapsed = () => Math.round(performance.now() - began);
  const signal = AbortSignal.any([options.stop, AbortSignal.timeout(options.timeoutMs)]);
  try {
    const response = await options.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'cur-wall-webhooks/1',
        'x-cur-event': delivery.event,
        'x-cur-delivery': String(delivery.id),
        'x-cur-signature': signPayload(delivery.payload, delivery.secret),
      },
      body: delivery.payload,
      // A redirect is reported, not followed: the signed body must go to the address the operator set.
      redirect: 'manual',
      signal,
    });
    const ok = response.status >= 200 && response.status < 300;
    // The status is the answer: a 2xx body is not read, and a stalled refusal body does not hide the status.
    const excerpt = ok ? '' : await readExcerpt(response).catch(() => '');
    if (ok) await response.body?.cancel().catch(() => {});
    const location = response.headers.get('location');
    const error = ok
      ? null
      : truncate(
          [`HTTP ${response.status}`, location ? `redirect to ${location}` : '', excerpt]
            .filter(Boolean)
            .join(': '),
        );
    return {
      statusCode: response.status,
      error,
      durationMs: elapsed(),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    if (options.stop.aborted) return null;
    return {
      statusCode: null,
      error: truncate(describeFailure(error, options.timeoutMs)),
      durationMs: elapsed(),
      retryAfter: null,
    };
  }
}
