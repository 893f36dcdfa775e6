import type { IncomingMessage, ServerResponse } from 'node:http';

/** Paths that are not pages: the API answers its own JSON 503, assets need no database, sockets have their own. */
const NOT_PAGES = /^\/(api|open311|_next|socket\.io|healthz|metrics)(\/|$)/;

/**
 * A browser asking for a page (GET or HEAD of a path without a file extension, outside the API and assets):
 * while the database is down or the node shuts down it gets a short page that says so and reloads itself,
 * not a spinner that hangs until the balancer gives up.
 */
export function isPageRequest(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (NOT_PAGES.test(path)) return false;
  return !/\.[a-z0-9]{1,8}$/i.test(path);
}

const TEXT = {
  database: {
    title: 'Нет связи с базой данных',
    detail:
      'Сервер работает, но база данных сейчас не отвечает. Страница обновится сама, как только связь вернётся.',
  },
  shutting_down: {
    title: 'Сервер перезапускается',
    detail: 'Этот узел завершает работу. Страница обновится сама и откроется на другом узле.',
  },
} as const;

export type UnavailableReason = keyof typeof TEXT;

/** The 503 page: readable across a control room (viewport-relative sizes), no script, reloads after Retry-After. */
export function writeUnavailablePage(
  res: ServerResponse,
  reason: UnavailableReason,
  retryAfterSeconds: number,
  headers: Record<string, string> = {},
): void {
  const { title, detail } = TEXT[reason];
  const body = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${retryAfterSeconds + 1}">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>
<style>html,body{height:100%;margin:0;background:#020617;color:#e2e8f0;font-family:system-ui,sans-serif}
main{height:100%;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;padding:0 6vw}
h1{font-size:clamp(1.6rem,6vh,9rem);margin:0 0 3vh;color:#fca5a5}p{font-size:clamp(1rem,2.8vh,4rem);max-width:70ch;margin:0}</style>
</head><body><main data-testid="unavailable" data-reason="${reason}"><h1>⚠ ${title}</h1><p>${detail}</p></main></body></html>`;
  res.writeHead(503, {
    ...headers,
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
  });
  res.end(body);
}
