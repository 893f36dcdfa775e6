import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complaintEvents, complaints } from '../../db/schema';
import { isOpenStatus, slaStateAt, type SlaState } from '../domain/statuses';
import { maskPersonalData } from '../text/mask-personal-data';

export interface ComplaintHistory {
  complaint: {
    id: number;
    source: string;
    externalId: string;
    /** The resident's message: unmasked only for the roles that may see personal data. */
    text: string;
    address: string | null;
    /** False when text, address, answers and comments have names, phones and the like masked. */
    personal: boolean;
    status: string;
    receivedAt: string;
    block: string | null;
    category: string | null;
    municipality: string | null;
    executor: string | null;
    problemId: number | null;
    dueAt: string;
    veryLateAt: string;
    /** Now for an open complaint; at its resolution (or close) for a finished one. */
    punctuality: SlaState;
    reopenCount: number;
    rejectionReason: string | null;
    classSource: string | null;
    classConfidence: number | null;
    placeSource: string | null;
    placeName: string | null;
    placeCandidates: string[];
  };
  events: {
    id: number;
    type: string;
    from: string | null;
    to: string;
    at: string;
    actor: string | null;
    comment: string | null;
    executor: string | null;
    fromExecutor: string | null;
    rule: string | null;
    reason: string | null;
    answer: string | null;
    photoUrls: string[] | null;
  }[];
}

/**
 * One complaint with its append-only history, oldest first; null when there is no such complaint. Without
 * `personal`, every free text (message, address, answers, comments) passes through the masker.
 */
export async function getComplaintHistory(
  db: Db,
  id: number,
  now: Date,
  personal: boolean,
): Promise<ComplaintHistory | null> {
  const shown = (text: string | null): string | null =>
    text === null || personal ? text : maskPersonalData(text);
  const [c] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1);
  if (!c) return null;
  const events = await db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
  const finishedAt = c.resolvedAt ?? c.closedAt ?? c.statusAt;
  return {
    complaint: {
      id: c.id,
      source: c.sourceCode,
      externalId: c.externalId,
      text: shown(c.text)!,
      address: shown(c.address),
      personal,
      status: c.status,
      receivedAt: c.receivedAt.toISOString(),
      block: c.blockCode,
      category: c.categoryCode,
      municipality: c.municipalityOktmo,
      executor: c.executorCode,
      problemId: c.problemId,
      dueAt: c.dueAt.toISOString(),
      veryLateAt: c.veryLateAt.toISOString(),
      punctuality: slaStateAt(isOpenStatus(c.status) ? now : finishedAt, c.dueAt, c.veryLateAt),
      reopenCount: c.reopenCount,
      rejectionReason: c.rejectionReason,
      classSource: c.classSource,
      classConfidence: c.classConfidence,
      placeSource: c.placeSource,
      placeName: c.placeName,
      placeCandidates: c.placeCandidates ? c.placeCandidates.split(',') : [],
    },
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      from: e.fromStatus,
      to: e.toStatus,
      at: e.at.toISOString(),
      actor: e.actor,
      comment: shown(e.comment),
      executor: e.executorCode,
      fromExecutor: e.fromExecutorCode,
      rule: e.ruleId,
      reason: e.reason,
      answer: shown(e.answer),
      photoUrls: e.photoUrls,
    })),
  };
}
