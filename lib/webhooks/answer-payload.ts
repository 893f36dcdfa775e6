import type { ComplaintStatus } from '../domain/statuses';

/** A change the resident hears of (a status change, or a hand-over to another executor), as a write hands it over. */
export interface AnswerEvent {
  /** The complaint_events row this answer reports (deliveries are unique per event and source). */
  eventId: number;
  complaintId: number;
  sourceCode: string;
  /** The complaint's id in its source channel: the receiver finds its own record by it. */
  externalId: string;
  status: ComplaintStatus;
  at: Date;
  executorCode: string | null;
  executorName: string | null;
  answer?: string | null;
  photoUrls?: string[] | null;
  reason?: string | null;
  comment?: string | null;
}

/** The JSON body POSTed to a source's webhook (documented in lib/webhooks/openapi-paths.ts). */
export interface AnswerPayload {
  /** `complaint.<status>`, e.g. `complaint.resolved`; also sent as the X-Cur-Event header. */
  event: string;
  complaint: { id: number; externalId: string; source: string };
  status: ComplaintStatus;
  /** ISO 8601 (UTC): when the change happened. */
  at: string;
  executor: { code: string; name: string | null } | null;
  answer: string | null;
  photoUrls: string[];
  reason: string | null;
  comment: string | null;
}

export function answerEventName(status: ComplaintStatus): string {
  return `complaint.${status}`;
}

/** The body is built once, at queue time, so every retry sends the very bytes that were signed first. */
export function buildAnswerPayload(answer: AnswerEvent): AnswerPayload {
  return {
    event: answerEventName(answer.status),
    complaint: { id: answer.complaintId, externalId: answer.externalId, source: answer.sourceCode },
    status: answer.status,
    at: answer.at.toISOString(),
    executor: answer.executorCode ? { code: answer.executorCode, name: answer.executorName } : null,
    answer: answer.answer ?? null,
    photoUrls: answer.photoUrls ?? [],
    reason: answer.reason ?? null,
    comment: answer.comment ?? null,
  };
}
