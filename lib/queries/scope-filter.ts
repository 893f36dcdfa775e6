import { eq, inArray, type SQL } from 'drizzle-orm';
import { complaints } from '../../db/schema';
import { OPEN_STATUSES } from '../lifecycle/statuses';
import type { WallScope } from '../realtime/contract';

/** WHERE conditions restricting complaints to a wall scope (block and/or municipality). */
export function scopeConditions(scope: WallScope): SQL[] {
  const conditions: SQL[] = [];
  if (scope.block) conditions.push(eq(complaints.blockCode, scope.block));
  if (scope.municipality) conditions.push(eq(complaints.municipalityOktmo, scope.municipality));
  return conditions;
}

export const isOpen = () => inArray(complaints.status, [...OPEN_STATUSES]);
