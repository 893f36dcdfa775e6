import { eq, sql, type SQL } from 'drizzle-orm';
import { problems } from '../../db/schema';

/** Which problems a panel or the API looks at: a block and/or a municipality, or the whole region. */
export interface ProblemScope {
  blockCode?: string | null;
  municipalityOktmo?: string | null;
}

/** WHERE conditions restricting problems to a scope. */
export function problemScopeConditions(scope: ProblemScope): SQL[] {
  const conditions: SQL[] = [];
  if (scope.blockCode) conditions.push(eq(problems.blockCode, scope.blockCode));
  if (scope.municipalityOktmo) conditions.push(eq(problems.municipalityOktmo, scope.municipalityOktmo));
  return conditions;
}

/**
 * "Open" exactly as the partial index `problems_block_open_idx` states it: a literal, not a bound parameter,
 * so the planner can use the index under a generic plan too.
 */
export const problemIsOpen = () => sql`${problems.openComplaints} > 0`;
