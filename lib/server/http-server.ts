import { createServer, type Server } from 'node:http';

/** How long a client may take, in milliseconds; see createHttpServer. */
export interface HttpTimeouts {
  /** From the connection (or the previous response) to the end of the request's headers. */
  headersMs: number;
  /** From the start to the end of a request, body included: a 4 MiB batch must fit on a slow link. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 15_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/**
 * The one HTTP server for Next and Socket.IO, with timeouts so a client that opens a request and never finishes
 * it (slowloris) holds a connection seconds, not minutes. They cover the HTTP request only: a WebSocket, once
 * upgraded, leaves the HTTP parser and lives on (Socket.IO's own pings decide when it is dead), and a
 * long-polling GET is received at once and only answered late.
 */
export function createHttpServer(timeouts: HttpTimeouts = DEFAULT_HTTP_TIMEOUTS): Server {
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new Error('the headers timeout must not exceed the request timeout');
  }
  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // Node checks those deadlines on a sweep (30 s by default), which would stretch 15 s to 45 s.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.headersMs / 3))),
  });
  server.keepAliveTimeout = timeouts.keepAliveMs;
  return server;
}
