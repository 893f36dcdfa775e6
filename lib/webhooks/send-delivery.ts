import { isEgressRefusal } from '../egress/check-egress';
import type { EgressFetch } from '../egress/egress-fetch';
import { statusReason } from '../egress/status-reason';
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
  /** Null when no HTTP answer came (network error, timeout, refused by the egress guard). */
  statusCode: number | null;
  error: string | null;
  /** The egress guard refused the URL: a permanent failure, never retried. */
  refused: boolean;
  durationMs: number;
  retryAfter: string | null;
}

export type FetchLike = EgressFetch;

/** Error texts are kept short: they are stored on every attempt and shown in the delivery log. */
export const MAX_ERROR_CHARS = 500;
function truncate(text: string): string {
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
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
    // The status is the answer: no body is read. The log keeps the standard reason phrase, never what the
    // receiver wrote, so a webhook aimed at an internal service cannot be used to read its pages.
    await response.body?.cancel().catch(() => {});
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirect not followed)' : '';
    const error = ok ? null : `HTTP ${response.status}: ${statusReason(response.status)}${redirect}`;
    return {
      statusCode: response.status,
      error,
      refused: false,
      durationMs: elapsed(),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    if (options.stop.aborted) return null;
    if (isEgressRefusal(error))
      return {
        statusCode: null,
        error: truncate(error.message),
        refused: true,
        durationMs: elapsed(),
        retryAfter: null,
      };
    return {
      statusCode: null,
      error: truncate(describeFailure(error, options.timeoutMs)),
      refused: false,
      durationMs: elapsed(),
      retryAfter: null,
    };
  }
}
