import { readdirSync } from 'node:fs';
import path from 'node:path';
import { routeAccessOf, type RouteAccess } from '@/lib/http/handle-route';

/**
 * Every exported method of every route.ts under app/, imported as Next would, and a way to call one with a real
 * Request: the route walk (tests/integration/route-walk.test.ts) and the check that each handler is built by
 * route() (tests/unit/hostile-routes.test.ts) read the same table.
 */

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const APP_DIR = path.join(process.cwd(), 'app');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

export type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export interface RouteEntry {
  key: string;
  method: string;
  path: string;
  handler: Handler;
  access: RouteAccess | null;
}

export const ROUTES: RouteEntry[] = [];
for (const file of routeFiles(APP_DIR).sort()) {
  const routePath = '/' + path.relative(APP_DIR, path.dirname(file)).split(path.sep).join('/');
  const module = (await import(file)) as Record<string, unknown>;
  for (const method of METHODS) {
    if (!(method in module)) continue;
    const handler = module[method] as Handler;
    ROUTES.push({
      key: `${method} ${routePath}`,
      method,
      path: routePath,
      handler,
      access: routeAccessOf(handler),
    });
  }
}
export const handlerOf = (key: string): Handler => {
  const found = ROUTES.find((r) => r.key === key);
  if (!found) throw new Error(`no route ${key}`);
  return found.handler;
};

// Calling handlers as Next would

export const ORIGIN = 'http://test.local';
let addressCounter = 0;

export interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A body that is not JSON, with its content type. */
  raw?: { body: string; type: string };
  /** Default: the caller's token; null sends none. */
  bearer?: string | null;
  headers?: Record<string, string>;
  /** The exact status expected; default any 2xx. */
  status?: number;
}

function concretePath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? '1'));
}

/** Params for a call the gate refuses before the handler reads them. */
function dummyParams(template: string): Record<string, string> {
  return Object.fromEntries([...template.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, '1']));
}

export async function invoke(
  route: { method: string; path: string; handler: Handler },
  call: Call,
): Promise<Response> {
  const params = call.params ?? dummyParams(route.path);
  addressCounter += 1;
  const headers: Record<string, string> = {
    host: 'test.local',
    // Each call its own client address: the sign-in and pairing throttles count per address.
    'x-cur-client-address': `10.77.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`,
    ...call.headers,
  };
  if (call.bearer) headers.authorization = `Bearer ${call.bearer}`;
  let body: string | undefined;
  if (call.raw) {
    body = call.raw.body;
    headers['content-type'] = call.raw.type;
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers['content-type'] = 'application/json';
  }
  const request = new Request(`${ORIGIN}${concretePath(route.path, params)}${call.query ?? ''}`, {
    method: route.method,
    headers,
    body,
  });
  return route.handler(request, { params: Promise.resolve(params) });
}

export const call = (key: string, c: Call) => {
  const [method, routePath] = key.split(' ') as [string, string];
  return invoke({ method, path: routePath, handler: handlerOf(key) }, c);
};
