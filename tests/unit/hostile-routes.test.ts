import { describe, expect, it } from 'vitest';
import { ROUTES } from '../helpers/route-table';

// A route handler not built by route() would answer an unexpected throw with Next's empty 500 and let a NUL
// in its query string through: every exported method must carry route()'s mark.
describe('every route handler is built by route()', () => {
  it('wraps each exported method of every route file', () => {
    expect(ROUTES.length).toBeGreaterThan(25);
    const bare = ROUTES.filter((r) => r.access === null).map((r) => r.key);
    expect(bare).toEqual([]);
  });
});
