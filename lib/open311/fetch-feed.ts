import { isEgressRefusal } from '../egress/check-egress';
import type { EgressFetch } from '../egress/egress-fetch';
import { FeedError } from './parse-feed';

export interface FeedResponse {
  status: number;
  contentType: string;
  /** UTF-8 text with any byte-order mark kept, so the import can report it. */
  body: string;
}

/** A page of 1,000 requests is well under a megabyte; past this the server is not sending one. */
export const MAX_FEED_BYTES = 32 * 1024 * 1024;

async function readBody(response: Response): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_FEED_BYTES) {
        await reader.cancel().catch(() => {});
        throw new FeedError(`the body exceeds ${MAX_FEED_BYTES} bytes`);
      }
      chunks.push(value);
    }
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(chunks));
}

/**
 * GETs one feed page within `timeoutMs` (body included) through the egress guard (lib/egress): an internal
 * address, or a redirect to another host, is refused; a redirect within the same host is followed a few
 * times, each hop checked again. Refusals, network failures and timeouts become FeedError.
 */
export async function fetchFeed(fetchFn: EgressFetch, url: string, timeoutMs: number): Promise<FeedResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchFn(url, {
      headers: { accept: 'application/json, text/xml;q=0.9, application/xml;q=0.9, */*;q=0.1' },
      redirect: 'follow',
      signal,
    });
    const body = await readBody(response);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (isEgressRefusal(error)) throw new FeedError(error.message);
    if (signal.aborted) throw new FeedError(`no complete answer within ${timeoutMs} ms from ${url}`);
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new FeedError(`cannot reach ${url}: ${cause}`);
  }
}
