import { inArray, sql } from 'drizzle-orm';
import { complaintEvents, complaints } from '../../db/schema';
import type { AppContext } from '../context';
import type { AppliedTransition } from '../realtime/change-bus';
import { applyRollupDelta } from '../rollups/apply-rollup-delta';
import { RollupDelta, type RollupRow } from '../rollups/rollup-delta';
import {
  ALLOWED_TRANSITIONS,
  canTransition,
  isOpenStatus,
  slaStateAt,
  type ComplaintStatus,
  type SlaState,
} from './statuses';
import type { TransitionInput, TransitionResult } from './types';
import { validateTransition } from './validate-transition';

interface Current extends RollupRow {
  status: ComplaintStatus;
  statusAt: Date;
  slaState: SlaState;
  dueAt: Date;
  veryLateAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  changed: boolean;
}

/**
 * The one write path for status changes. Locks the complaints, applies each transition in order against the
 * stored state (several steps of one complaint may come in one batch), appends the events and updates the rows
 * in one transaction. A refused transition changes nothing and says why.
 */
export async function recordTransitions(
  ctx: AppContext,
  inputs: TransitionInput[],
): Promise<TransitionResult[]> {
  const now = ctx.now();
  const results: TransitionResult[] = new Array(inputs.length);
  const checked: number[] = [];
  inputs.forEach((input, index) => {
    const errors = validateTransition(input, now);
    if (errors.length > 0)
      results[index] = { complaintId: input.complaintId, status: 'rejected', code: 'invalid', errors };
    else checked.push(index);
  });
  const applied: AppliedTransition[] = [];

  if (checked.length > 0) {
    await ctx.writer.run(checked.length, () =>
      ctx.db.transaction(async (tx) => {
        const ids = [...new Set(checked.map((i) => inputs[i]!.complaintId))];
        const rows = await tx
          .select({
            id: complaints.id,
            status: complaints.status,
            statusAt: complaints.statusAt,
            slaState: complaints.slaState,
            dueAt: complaints.dueAt,
            veryLateAt: complaints.veryLateAt,
            resolvedAt: complaints.resolvedAt,
            closedAt: complaints.closedAt,
            receivedAt: complaints.receivedAt,
            municipalityOktmo: complaints.municipalityOktmo,
            blockCode: complaints.blockCode,
            categoryCode: complaints.categoryCode,
            sourceCode: complaints.sourceCode,
            h3Fine: complaints.h3Fine,
            h3Coarse: complaints.h3Coarse,
          })
          .from(complaints)
          .where(inArray(complaints.id, ids))
          .orderBy(complaints.id) // one lock order for every writer: no deadlocks between batches
          .for('update');
        const state = new Map<number, Current>(rows.map((r) => [r.id, { ...r, changed: false }]));
        const events: (typeof complaintEvents.$inferInsert)[] = [];
        const delta = new RollupDelta(now);

        for (const index of checked) {
          const input = inputs[index]!;
          const current = state.get(input.complaintId);
          if (!current) {
            results[index] = {
              complaintId: input.complaintId,
              status: 'rejected',
              code: 'not_found',
              errors: [{ field: 'id', message: `complaint ${input.complaintId} does not exist` }],
            };
            continue;
          }
          const at = input.at ? new Date(input.at) : now;
          if (!canTransition(current.status, input.status)) {
            const allowed = ALLOWED_TRANSITIONS[current.status];
            results[index] = {
              complaintId: input.complaintId,
              status: 'rejected',
              code: 'illegal',
              errors: [
                {
                  field: 'status',
                  message: `cannot go from "${current.status}" to "${input.status}"; allowed: ${allowed.join(', ') || 'none'}`,
                },
              ],
            };
            continue;
          }
          if (at.getTime() < current.statusAt.getTime()) {
            results[index] = {
              complaintId: input.complaintId,
              status: 'rejected',
              code: 'invalid',
              errors: [
                {
                  field: 'at',
                  message: `precedes the complaint's last event (${current.statusAt.toISOString()})`,
                },
              ],
            };
            continue;
          }
          events.push({
            complaintId: input.complaintId,
            type: 'status',
            fromStatus: current.status,
            toStatus: input.status,
            at,
            actor: input.actor ?? null,
            comment: input.comment ?? null,
          });
          applied.push({
            complaintId: input.complaintId,
            blockCode: current.blockCode,
            from: current.status,
            to: input.status,
            at,
          });
          results[index] = {
            complaintId: input.complaintId,
            status: 'applied',
            from: current.status,
            to: input.status,
            at: at.toISOString(),
          };
          const toSla = isOpenStatus(input.status)
            ? isOpenStatus(current.status)
              ? current.slaState
              : slaStateAt(now, current.dueAt, current.veryLateAt)
            : slaStateAt(at, current.dueAt, current.veryLateAt);
          delta.changeStatus(current, current.status, input.status, current.slaState, toSla, at);
          current.slaState = toSla;
          current.status = input.status;
          current.statusAt = at;
          if (input.status === 'resolved') current.resolvedAt = at;
          if (input.status === 'closed') current.closedAt = at;
          if (input.status === 'reopened') {
            current.resolvedAt = null;
            current.closedAt = null;
          }
          current.changed = true;
        }

        const changed = [...state].filter(([, c]) => c.changed);
        if (changed.length === 0) return;
        const iso = (d: Date | null) => (d ? d.toISOString() : null);
        const values = sql.join(
          changed.map(
            ([id, c]) =>
              sql`(${id}::bigint, ${iso(c.receivedAt)}::timestamptz, ${c.status}::text, ${c.slaState}::text, ${iso(c.statusAt)}::timestamptz, ${iso(c.resolvedAt)}::timestamptz, ${iso(c.closedAt)}::timestamptz)`,
          ),
          sql`, `,
        );
        await tx.execute(sql`
        update ${complaints} set
          status = v.status, sla_state = v.sla_state, status_at = v.status_at, resolved_at = v.resolved_at,
          closed_at = v.closed_at, updated_at = now()
        from (values ${values}) as v(id, received_at, status, sla_state, status_at, resolved_at, closed_at)
        where ${complaints.id} = v.id and ${complaints.receivedAt} = v.received_at`);
        await tx.insert(complaintEvents).values(events);
        await applyRollupDelta(tx, delta);
      }),
    );
  }

  ctx.changes.publish({ created: [], transitions: applied, slaMoved: 0 });
  return results;
}
