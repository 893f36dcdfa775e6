import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { WallScope } from '../domain/scope';
import { ALL } from '../domain/scope';

/** The one scope row of a cube rollup a wall scope reads: its municipality and block, '*' where unset. */
export function rollupScope(scope: WallScope, columns: { municipality: PgColumn; block: PgColumn }): SQL {
  return and(eq(columns.municipality, scope.municipality ?? ALL), eq(columns.block, scope.block ?? ALL))!;
}
