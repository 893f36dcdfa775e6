import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP, type BlockList } from 'node:net';
import { parseAddressList } from '../domain/address-list';
import { METRICS } from '../metrics/registry';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { writeErrorResponse } from './write-error-response';

export const METRICS_PATH = '/metrics';

export interface MetricsAccess {
  /** METRICS_TOKEN: a scraper presenting it as a Bearer token is let in from anywhere. */
  token?: string;
  /** METRICS_ALLOWED_ADDRESSES: IPs or CIDRs let in without the token (default loopback). */
  allowedAddresses?: string;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function allowed(list: BlockList, address: string): boolean {
  const mapped = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(mapped);
  return family !== 0 && list.check(mapped, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * `/metrics` in Prometheus text, answered before Next: for a scraper with the metrics token, or from an
 * allowed address (the client address the perimeter set, the balancer's forwarding already resolved). Anyone
 * else gets 404, so the path does not even confirm it exists. Returns whether it answered the request.
 */
export function createMetricsEndpoint(access: MetricsAccess = {}) {
  const list = parseAddressList(access.allowedAddresses ?? '127.0.0.1/32,::1/128');
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.url ?? '').split('?')[0] !== METRICS_PATH) return false;
    const header = req.headers.authorization ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7) : null;
    const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? '');
    const ok =
      (access.token !== undefined && bearer !== null && sameSecret(bearer, access.token)) ||
      (bearer === null && allowed(list, address));
    if (!ok || req.method !== 'GET') {
      writeErrorResponse(res, 404, 'not_found', 'Not found.');
      return true;
    }
    METRICS.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': METRICS.contentType, 'cache-control': 'no-store' });
        res.end(text);
      },
      () => writeErrorResponse(res, 500, 'internal', 'Metrics could not be collected.'),
    );
    return true;
  };
}
