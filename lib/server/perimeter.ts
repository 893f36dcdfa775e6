import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeErrorResponse } from './write-error-response';
import { createHostMatcher, parseHostPort, parseOrigin } from './allowed-hosts';
import { createSecurityHeaders } from './security-headers';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { pathOf } from './path-of';
import { clientKey, createRateLimit, isLoopback } from '../limits/rate-limit';
import { createProxyTrust, parseTrustedProxies } from '../limits/trusted-proxies';

/**
 * What every request meets before Next or Socket.IO sees it: the Host check (421), the security headers, and
 * the write rate limit per client address (429). Identities and their own limits come later.
 */

export interface PerimeterOptions {
  /** ALLOWED_HOSTS; the machine's own names (hostname, interface addresses) on the listening port when absent. */
  allowedHosts?: string[];
  /** Names allowed besides, on the listening port (the address HOST binds to, which the PDF renderer uses). */
  extraHosts?: string[];
  /** RATE_LIMIT_WRITES_PER_MINUTE per client address; 0 turns it off. Default 300. */
  writesPerMinute?: number;
  /**
   * Loopback clients skip the write limit (default): the bench and scripts post from this machine. Tests turn
   * it off to see the limit through 127.0.0.1.
   */
  exemptLoopback?: boolean;
  /** Development mode (the CSP allows eval for hot reload). */
  dev?: boolean;
  /** PHOTO_HOSTS: https hosts the briefing may load proof photos from. */
  photoHosts?: string[];
  /** TRUSTED_PROXIES: balancers whose X-Forwarded-For names the client (lib/limits/trusted-proxies.ts). */
  trustedProxies?: string;
}

export interface Perimeter {
  /** Sets the security headers and checks the request; false when it was answered here (421 or 429). */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
  /** For Socket.IO's allowRequest (polling and WebSocket handshakes): why not, or null when it may go on. */
  socketRefusal(req: IncomingMessage): string | null;
}

export const DEFAULT_WRITES_PER_MINUTE = 300;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SOCKET_IO_PATH = '/socket.io/';

export function createPerimeter(options: PerimeterOptions = {}): Perimeter {
  const hosts = createHostMatcher({ configured: options.allowedHosts, extra: options.extraHosts });
  const headersFor = createSecurityHeaders({ dev: options.dev, photoHosts: options.photoHosts });
  const limit = createRateLimit(options.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE);
  const exemptLoopback = options.exemptLoopback ?? true;
  const proxies = createProxyTrust(parseTrustedProxies(options.trustedProxies));

  const hostRefusal = (req: IncomingMessage): string | null => {
    const header = req.headers.host;
    const target = header ? parseHostPort(header) : null;
    if (!target) return header ? `malformed Host ${JSON.stringify(header)}` : 'no Host header';
    if (hosts.allows(target, req.socket.localPort)) return null;
    return `this server does not answer to ${JSON.stringify(header)}`;
  };

  return {
    admit(req, res) {
      // The address the route handlers see (audit, per-address limits): set here from the socket (or, from a
      // trusted balancer, its X-Forwarded-For), so a client cannot name its own.
      const address = proxies.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']);
      req.headers[CLIENT_ADDRESS_HEADER] = address ?? '';
      const path = pathOf(req.url);
      for (const [name, value] of Object.entries(headersFor(path))) res.setHeader(name, value);
      const refusal = hostRefusal(req);
      if (refusal) {
        writeErrorResponse(res, 421, 'host_not_allowed', `Misdirected request: ${refusal}.`, [
          { field: 'host', message: 'not one of the allowed hosts (ALLOWED_HOSTS)' },
        ]);
        return false;
      }
      // Every write verb on every path but Socket.IO's own (its polling posts packets): an encoded or odd
      // spelling of an API path must not slip past a prefix test, and pages take no writes anyway.
      if (!WRITES.has(req.method ?? '') || path.startsWith(SOCKET_IO_PATH)) return true;
      if (exemptLoopback && address && isLoopback(address)) return true;
      const decision = limit.take(clientKey(address));
      if (decision.ok) return true;
      writeErrorResponse(
        res,
        429,
        'rate_limited',
        `Too many writes from this address: retry in ${decision.retryAfterSeconds} s.`,
        [{ field: 'request', message: 'not processed; over RATE_LIMIT_WRITES_PER_MINUTE for this address' }],
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
      return false;
    },

    socketRefusal(req) {
      // A WebSocket upgrade never passes admit(): the handshake's address is set here the same way.
      req.headers[CLIENT_ADDRESS_HEADER] =
        proxies.clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']) ?? '';
      const refusal = hostRefusal(req);
      if (refusal) return refusal;
      // Browsers always send Origin on WebSocket and cross-origin requests; a Node client (the bench, scripts)
      // sends none and has passed the Host check.
      const origin = req.headers.origin;
      if (origin === undefined) return null;
      const target = parseOrigin(origin);
      if (target && hosts.allows(target, req.socket.localPort)) return null;
      return `origin ${JSON.stringify(origin)} is not allowed`;
    },
  };
}
