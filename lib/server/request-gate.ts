import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpDrain } from './http-drain';
import type { Perimeter } from './perimeter';
import { isPageRequest, writeUnavailablePage } from './unavailable-page';
import { pathOf } from './path-of';

/** Pages reload after this while the database is down: the probe looks every quarter second. */
const PAGE_RETRY_AFTER_SECONDS = 5;

/**
 * What a request meets before Socket.IO or Next, in order: the perimeter (Host, headers, write limits), the
 * drain (503 `shutting_down` once SIGTERM came), and, while the database is down, a short 503 page for a page
 * request, which would otherwise wait on queries that cannot run (the API's routes answer their own JSON 503).
 */
export function createRequestGate(parts: {
  perimeter: Perimeter;
  drain: HttpDrain;
  /** The context's health, read per request. */
  databaseUp: () => boolean;
}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { perimeter, drain, databaseUp } = parts;
  return (req, res) => {
    if (!perimeter.admit(req, res)) return false;
    const path = pathOf(req.url);
    if (!drain.admit(req, res, path)) return false;
    if (!databaseUp() && isPageRequest(req, path)) {
      writeUnavailablePage(res, 'database', PAGE_RETRY_AFTER_SECONDS);
      return false;
    }
    return true;
  };
}
