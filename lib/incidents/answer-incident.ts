import { eq } from 'drizzle-orm';
import { incidents } from '../../db/schema';
import type { AppContext } from '../context';
import { commitChange } from '../commit/commit-change';
import type { Actor } from '../domain/access';
import { recordAudit } from '../identity/audit';
import { toIncident } from './list-incidents';
import { INCIDENT_MOVES, type Incident, type IncidentStatus } from './types';

export type IncidentAnswer = Exclude<IncidentStatus, 'new'>;

const AUDIT_ACTION = {
  acknowledged: 'incident_acknowledged',
  in_work: 'incident_in_work',
  closed: 'incident_closed',
} as const;

export type AnswerResult =
  | { status: 'applied'; incident: Incident }
  | { status: 'rejected'; code: 404 | 409; reason: string; current?: IncidentStatus };

/**
 * An operator answers an incident: acknowledges it (the alarm stops on every screen), takes it into work or
 * closes it. The person is stored on the incident and in the audit log in the same transaction, so a screen
 * never shows an acknowledgement the log does not hold. A move the current status does not allow (closing
 * twice, acknowledging what is in work) is refused with the status it found.
 */
export async function answerIncident(
  ctx: AppContext,
  actor: Actor,
  id: number,
  to: IncidentAnswer,
  address: string | null,
): Promise<AnswerResult> {
  const person = actor.kind === 'user' ? actor : null;
  return commitChange(ctx, { lane: 'exclusive', items: 1 }, async (tx, unit) => {
    const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update');
    if (!row) return { status: 'rejected', code: 404, reason: 'no such incident' } as const;
    if (!INCIDENT_MOVES[to].includes(row.status))
      return {
        status: 'rejected',
        code: 409,
        reason: `the incident is ${row.status}; it cannot become ${to}`,
        current: row.status,
      } as const;
    const now = unit.now;
    const [updated] = await tx
      .update(incidents)
      .set({
        status: to,
        // The first answer names who took the alarm; later moves keep it.
        ...(row.acknowledgedAt
          ? {}
          : {
              acknowledgedAt: now,
              acknowledgedBy: person?.userId ?? null,
              acknowledgedByName: person?.name ?? labelOf(actor),
            }),
        ...(to === 'closed' ? { closedAt: now, closedBy: actorLabel(actor) } : {}),
      })
      .where(eq(incidents.id, id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: AUDIT_ACTION[to],
      target: `incident:${id}`,
      address,
      detail: { from: row.status, to, place: row.place, category: row.categoryCode },
    });
    unit.change.incidents = 1;
    return { status: 'applied', incident: toIncident(updated!, ctx.reference) } as const;
  });
}

function actorLabel(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : `${actor.kind}`;
}

function labelOf(actor: Actor): string {
  return actor.kind === 'user' || actor.kind === 'display' ? actor.name : actor.kind;
}
