import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { WallScope } from '../realtime/contract';

/** Scope conditions on a rollup table's municipality and block columns. */
export function rollupScope(scope: WallScope, columns: { municipality: PgColumn; block: PgColumn }): SQL[] {
  const conditions: SQL[] = [];
  if (scope.block) conditions.push(eq(columns.block, scope.block));
  if (scope.municipality) conditions.push(eq(columns.municipality, scope.municipality));
  return conditions;
}
