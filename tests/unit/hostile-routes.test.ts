import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeAccessOf } from '@/lib/http/handle-route';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const ROOTS = ['app/api', 'app/open311', 'app/healthz'].map((dir) => path.join(process.cwd(), dir));

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

// A route handler not built by route() would answer an unexpected throw with Next's empty 500 and let a NUL
// in its query string through: every exported method must carry route()'s mark.
describe('every route handler is built by route()', () => {
  it('wraps each exported method of app/api, app/open311 and /healthz', async () => {
    const files = ROOTS.flatMap(routeFiles);
    expect(files.length).toBeGreaterThan(25);
    const bare: string[] = [];
    let methods = 0;
    for (const file of files) {
      const module = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        if (!(method in module)) continue;
        methods += 1;
        if (routeAccessOf(module[method]) === null)
          bare.push(`${method} ${path.relative(process.cwd(), file)}`);
      }
    }
    expect(methods).toBeGreaterThan(25);
    expect(bare).toEqual([]);
  });
});
