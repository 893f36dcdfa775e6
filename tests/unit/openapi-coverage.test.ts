import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from '@/lib/http/openapi';

const API_ROOT = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every `route.ts` under the API folder, as its URL template (`[id]` → `{id}`) and the methods it exports. */
function routes(dir: string, prefix = '/api/v1'): { path: string; methods: string[] }[] {
  const found: { path: string; methods: string[] }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...routes(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, '{$1}')}`));
    } else if (entry.name === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      // `export async function GET(` or, built by route() (lib/http/handle-route.ts), `export const GET = `.
      const methods = METHODS.filter((m) =>
        new RegExp(`export ((async )?function ${m}\\b|const ${m} = )`).test(source),
      );
      found.push({ path: prefix, methods: methods.map((m) => m.toLowerCase()) });
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  it('describes every API route with every method it answers', () => {
    const documented = OPENAPI_DOCUMENT.paths as Record<string, Record<string, unknown>>;
    const list = routes(API_ROOT);
    expect(list.length).toBeGreaterThan(20);
    const missing = list.flatMap((r) =>
      r.methods.filter((m) => !documented[r.path]?.[m]).map((m) => `${m.toUpperCase()} ${r.path}`),
    );
    // The document describes itself by being the answer; it needs no entry.
    expect(missing.filter((m) => m !== 'GET /api/v1/openapi.json')).toEqual([]);
  });
});
