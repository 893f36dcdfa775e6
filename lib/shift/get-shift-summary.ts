import type { AppContext } from '../context';
import { listIncidents } from '../incidents/list-incidents';
import type { Incident } from '../incidents/types';
import { executorName } from '../routing/route-complaint';
import { countShiftArrivals } from './count-shift-arrivals';
import { listVeryLateProblems, type VeryLateProblem } from './list-very-late-problems';
import { shiftOf } from './shift-bounds';

/** Very late problems the desk is shown: more than one can call in a shift is noise. */
export const SHIFT_CALL_LIMIT = 15;

export interface ShiftCall {
  kind: 'incident' | 'very_late';
  /** Residents affected: an incident's complaints, a problem's complaints. */
  affected: number;
  incident?: Incident;
  problem?: VeryLateProblem & { categoryName: string; municipalityName: string; executorName: string | null };
}

export interface ShiftSummary {
  shiftStart: string;
  shiftEnd: string;
  asOf: string;
  /** Complaints received since the shift began. */
  arrivals: number;
  /** Incidents opened since the shift began, any status. */
  newIncidents: Incident[];
  /** What needs a call now: unanswered incidents first, then incidents and very late problems by residents affected. */
  calls: ShiftCall[];
}

/** An incident nobody answered goes first: its alarm is sounding on the wall. */
const unanswered = (call: ShiftCall) => (call.incident?.status === 'new' ? 1 : 0);

/** The duty officer's desk: what is new since the shift began, and whom to call now. */
export async function getShiftSummary(ctx: AppContext): Promise<ShiftSummary> {
  const now = ctx.now();
  const { start, end } = shiftOf(now);
  const [arrivals, opened, live, veryLate] = await Promise.all([
    countShiftArrivals(ctx.db, start, now),
    listIncidents(ctx.db, ctx.reference, { openedFrom: start }),
    listIncidents(ctx.db, ctx.reference, { live: true }),
    listVeryLateProblems(ctx.db, SHIFT_CALL_LIMIT),
  ]);
  const { categories, municipalities, executors } = ctx.reference;
  const calls: ShiftCall[] = [
    ...live.map((incident) => ({ kind: 'incident' as const, affected: incident.complaints, incident })),
    ...veryLate.map((p) => ({
      kind: 'very_late' as const,
      affected: p.affected,
      problem: {
        ...p,
        categoryName: categories.get(p.category)?.name ?? p.category,
        municipalityName:
          (p.municipality && municipalities.get(p.municipality)?.shortName) || 'округ не указан',
        executorName: p.executor ? executorName(p.executor, { short: true, directory: executors }) : null,
      },
    })),
  ].sort((a, b) => unanswered(b) - unanswered(a) || b.affected - a.affected);
  return {
    shiftStart: start.toISOString(),
    shiftEnd: end.toISOString(),
    asOf: now.toISOString(),
    arrivals,
    newIncidents: opened.sort((a, b) => b.openedAt.localeCompare(a.openedAt)),
    calls,
  };
}
