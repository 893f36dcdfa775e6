import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { NONE_LABEL } from '../classify/training-data';
import type { RejectionReason } from '../domain/statuses';

/** One operator decision about a stored complaint, as a lesson for the classifier. */
export interface DecisionExample {
  complaintId: number;
  receivedAt: Date;
  /** A category code, or NONE_LABEL for a text that is no complaint. */
  label: string;
  blockCode: string | null;
  actor: string;
  at: Date;
}

/**
 * The label a rejection teaches, or null when it teaches nothing about the text. Only spam says «this text is
 * no complaint». Not our competence is left out: such a letter is often plainly about a road or a pension (a
 * federal road, the pension fund), and «no category» on it would teach the model to doubt real complaints of
 * the same topic; a duplicate or a letter with too little data says nothing about the topic either.
 */
export function labelOfRejection(reason: RejectionReason | null | undefined): string | null {
  return reason === 'spam' ? NONE_LABEL : null;
}

/**
 * Writes the decisions as labelled examples inside the decision's own transaction, so a decision and its
 * lesson commit (or roll back) together. The text is the complaint's stored text, read in the same statement.
 */
export async function recordDecisionExamples(tx: Tx, decisions: readonly DecisionExample[]): Promise<void> {
  if (decisions.length === 0) return;
  const values = sql.join(
    decisions.map(
      (d) =>
        sql`(${d.complaintId}::bigint, ${d.receivedAt.toISOString()}::timestamptz, ${d.label}::text, ${d.blockCode}::text, ${d.actor}::text, ${d.at.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    insert into classifier_examples (text, label, block_code, origin, complaint_id, created_at, created_by)
    select c.text, v.label, v.block_code, 'decision', c.id, v.at, v.actor
    from (values ${values}) as v(id, received_at, label, block_code, actor, at)
    join complaints c on c.id = v.id and c.received_at = v.received_at
    order by v.at, c.id`);
}
