import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { intakeRefusals } from '../metrics/registry';
import { isPageRequest, writeUnavailablePage } from './unavailable-page';
import { writeErrorResponse } from './write-error-response';

const SOCKET_IO_PATH = '/socket.io/';
/** Another node (behind the balancer) takes the retry at once. */
const RETRY_AFTER_SECONDS = 1;

interface DrainLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface HttpDrain {
  /** While draining: answers the request 503 `shutting_down` (false); else tracks it until it ends (true). */
  admit(req: IncomingMessage, res: ServerResponse, path: string): boolean;
  readonly draining: boolean;
  /**
   * Refuses every new request (503 `shutting_down`, `Connection: close`: a busy keep-alive connection ends with
   * its next request), and ends each connection after the answer it is working on.
   */
  begin(): void;
  /**
   * Resolves once no request is in flight, or at `graceMs`, cutting the connections of the ones left (their
   * callers got no answer, so nothing they sent counts as acknowledged; idempotent ids make the retry safe);
   * then stops listening and closes the idle connections.
   */
  settle(graceMs: number): Promise<{ cut: number }>;
}

/**
 * SIGTERM's first half for the HTTP side: new intake is refused at once, what is in flight finishes, keep-alive
 * connections are closed (busy ones after their answer, which says `Connection: close`; a request arriving on
 * an idle one is refused and closes it; what is left idle when the drain ends is closed then), and a client
 * hammering a keep-alive connection cannot hold the process: every new request on it is refused. The port
 * stays open while requests finish, so a balancer's check reads 503 rather than guessing. Socket.IO's own
 * requests pass: the screens stay live until realtime closes, last.
 *
 * Idle connections are not closed when the drain begins: a request already on its way on one would meet a
 * reset instead of an answer.
 */
export function createHttpDrain(server: HttpServer, log?: DrainLog): HttpDrain {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let settled: (() => void) | null = null;

  const ended = (res: ServerResponse) => {
    inFlight.delete(res);
    if (draining && inFlight.size === 0) settled?.();
  };
  // Stops listening; Node's close() also closes the connections between requests.
  const stopListening = () => server.close(() => {});

  return {
    get draining() {
      return draining;
    },

    admit(req, res, path) {
      if (path.startsWith(SOCKET_IO_PATH)) return true;
      if (draining) {
        const headers = { connection: 'close', 'retry-after': String(RETRY_AFTER_SECONDS) };
        if (req.method === 'POST' && path === '/api/v1/complaints')
          intakeRefusals.inc({ reason: 'shutting_down' });
        if (isPageRequest(req, path))
          writeUnavailablePage(res, 'shutting_down', RETRY_AFTER_SECONDS, headers);
        else
          writeErrorResponse(
            res,
            503,
            'shutting_down',
            'This node is shutting down; nothing of the request was done. Retry (another node will answer).',
            [],
            headers,
          );
        return false;
      }
      inFlight.add(res);
      res.once('close', () => ended(res));
      return true;
    },

    begin() {
      if (draining) return;
      draining = true;
      log?.info({ inFlight: inFlight.size }, 'draining: refusing new requests');
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    },

    async settle(graceMs) {
      const cut =
        inFlight.size === 0
          ? 0
          : await new Promise<number>((resolve) => {
              const timer = setTimeout(() => {
                settled = null;
                const left = inFlight.size;
                log?.warn({ cut: left }, 'drain deadline: closing connections still busy');
                for (const res of inFlight) res.socket?.destroy();
                inFlight.clear();
                resolve(left);
              }, graceMs);
              settled = () => {
                clearTimeout(timer);
                settled = null;
                resolve(0);
              };
            });
      stopListening();
      return { cut };
    },
  };
}
