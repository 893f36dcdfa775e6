import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (request: Request) => Promise<Response>;

/**
 * Next's part for tests that go through the real HTTP server createApp listens on: a request whose path is in
 * `routes` (exact match, query ignored) is handed to that route handler as a Fetch Request whose body is the
 * Node request itself, read only if the handler reads it (as Next passes it: a handler that refuses before
 * reading leaves it to Node, which discards it and keeps the connection), and the Response is written back.
 * Anything else: 404.
 */
export function routeServer(routes: Record<string, Handler>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"status":404,"code":"not_found","message":"no such test route","errors":[]}}');
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(`http://${req.headers.host ?? 'test.local'}${req.url}`, {
      method: req.method,
      headers,
      ...(hasBody ? { body: req, duplex: 'half' } : {}),
    } as RequestInit);
    handler(request)
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer());
        const out: Record<string, string> = {};
        response.headers.forEach((value, name) => (out[name] = value));
        if (!res.headersSent) res.writeHead(response.status, { ...out, 'content-length': body.length });
        res.end(body);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  };
}
