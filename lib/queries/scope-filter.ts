import { eq, inArray, type SQL } from 'drizzle-orm';
import { complaints } from '../../db/schema';
import { HOME_REGION } from '../domain/home-region';
import { OPEN_STATUSES } from '../domain/statuses';
import type { WallScope } from '../domain/scope';

/**
 * WHERE conditions restricting complaints to a wall scope (block and/or municipality), always within the home
 * region: other regions' complaints share the table but never the wall.
 */
export function scopeConditions(scope: WallScope): SQL[] {
  const conditions: SQL[] = [homeRegion()];
  if (scope.block) conditions.push(eq(complaints.blockCode, scope.block));
  if (scope.municipality) conditions.push(eq(complaints.municipalityOktmo, scope.municipality));
  return conditions;
}

/** Only the home region's complaints (the wall, panels, triage, Open311). */
export const homeRegion = () => eq(complaints.regionCode, HOME_REGION);

export const isOpen = () => inArray(complaints.status, [...OPEN_STATUSES]);
