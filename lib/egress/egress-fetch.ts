import http from 'node:http';
import https from 'node:https';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Readable } from 'node:stream';
import { effectivePort } from './allow-list';
import { EgressRefusedError, resolveEgress, type EgressOptions, type EgressTarget } from './check-egress';

/** The part of fetch's RequestInit the app's outbound calls use (a subset, so `fetch` itself still fits). */
export interface EgressInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /**
   * 'manual': a 3xx comes back as it is. 'follow' (default): a redirect within the same origin (scheme, host,
   * port) is followed, at most MAX_REDIRECTS times, each hop checked by the guard again; a redirect to another
   * origin is refused, whatever address it names.
   */
  redirect?: 'manual' | 'follow';
}

export type EgressFetch = (url: string, init: EgressInit) => Promise<Response>;

export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A resolver that answers only the address the guard checked: no second DNS answer can move the socket. */
function pinnedLookup(target: EgressTarget) {
  return (_host: string, options: LookupOptions, callback: LookupCallback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header the Fetch API cannot hold (bytes outside Latin-1) is dropped, not fatal.
    }
  }
  return headers;
}

/** One HTTP exchange with the checked address; the body streams, and the signal also ends a stalled body. */
function requestOnce(target: EgressTarget, init: EgressInit): Promise<Response> {
  const { url } = target;
  const signal = init.signal;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const request = (url.protocol === 'https:' ? https : http).request({
      // The name stays the host (Host header, TLS SNI and certificate check); only the lookup is pinned.
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: effectivePort(url),
      path: `${url.pathname}${url.search}`,
      method: init.method ?? 'GET',
      headers: { ...init.headers, host: url.host },
      // A fresh socket every time: a pooled one would be keyed by name, not by the address checked now.
      agent: false,
      lookup: pinnedLookup(target) as unknown as typeof import('node:dns').lookup,
    });
    let answer: http.IncomingMessage | null = null;
    const onAbort = () => {
      request.destroy(signal!.reason as Error);
      answer?.destroy(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('close', () => signal?.removeEventListener('abort', onAbort));
    request.on('error', (error) => reject(signal?.aborted ? signal.reason : error));
    request.on('response', (response) => {
      answer = response;
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 599) {
        response.destroy();
        return reject(new Error(`the server answered an invalid HTTP status ${status}`));
      }
      const empty = NULL_BODY_STATUSES.has(status) || init.method === 'HEAD';
      if (empty) response.resume();
      const body = empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      resolve(new Response(body, { status, headers: toHeaders(response.rawHeaders) }));
    });
    request.end(init.body);
  });
}

/**
 * fetch through the egress guard: every request (and every redirect hop) is checked and connects to the
 * address that was checked. Refusals throw EgressRefusedError; network failures throw as fetch's would, and an
 * aborted signal rejects with its reason (a TimeoutError for AbortSignal.timeout).
 */
export async function egressFetch(
  input: string,
  init: EgressInit = {},
  options: EgressOptions = {},
): Promise<Response> {
  let url = input;
  for (let hop = 0; ; hop += 1) {
    const target = await resolveEgress(url, options);
    init.signal?.throwIfAborted();
    const response = await requestOnce(target, init);
    const location = response.headers.get('location');
    if (init.redirect === 'manual' || !REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => {});
    const next = new URL(location, target.url);
    if (next.origin !== target.url.origin)
      throw new EgressRefusedError(`a redirect to another host (${next.host}) is not followed`);
    if (hop >= MAX_REDIRECTS) throw new EgressRefusedError(`more than ${MAX_REDIRECTS} redirects`);
    const method = init.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD')
      throw new EgressRefusedError(`a redirect of a ${method} request is not followed`);
    url = next.toString();
  }
}
