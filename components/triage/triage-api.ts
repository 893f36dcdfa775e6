/**
 * The operator queue's calls to the API (no React here, and no 'use client': the server page reads the page
 * size from this module too). Decisions answer with what happened, never throw.
 */
import type { FieldError } from '../../lib/domain/field-errors';
import type { RejectionReason } from '../../lib/domain/statuses';
import type { TriageQueue } from '../../lib/triage/get-triage-queue';
import type { DecisionOutcome } from './triage-format';

/** Cards on the page: an operator works from the top; the rest of the queue is counted in the header. */
export const TRIAGE_PAGE_SIZE = 50;
/** The queue is polled: a few seconds is live enough for people reading and deciding. */
export const TRIAGE_POLL_MS = 5_000;
export const TRIAGE_STALE_AFTER_SECONDS = 30;
/** Recorded as the actor of a rejection (a classification records «operator» by default too). */
export const TRIAGE_ACTOR = 'operator';

export const TRIAGE_QUEUE_URL = `/api/v1/triage?limit=${TRIAGE_PAGE_SIZE}`;

/** A decision the server refused (or could not take): the card stays, with the reason. */
export interface DecisionFailure {
  kind: 'failed';
  id: number;
  /** HTTP status; 0 when the server was not reached. */
  status: number;
  message: string;
  errors: FieldError[];
}

export type DecisionResult = DecisionOutcome | DecisionFailure;

interface ErrorBody {
  error?: { message?: string; errors?: FieldError[] };
}

export async function fetchTriageQueue(signal?: AbortSignal): Promise<TriageQueue> {
  const response = await fetch(TRIAGE_QUEUE_URL, { cache: 'no-store', signal });
  if (!response.ok) throw new Error(`${TRIAGE_QUEUE_URL}: HTTP ${response.status}`);
  return (await response.json()) as TriageQueue;
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
  });
}

async function failureOf(id: number, response: Response): Promise<DecisionFailure> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  return {
    kind: 'failed',
    id,
    status: response.status,
    message: body.error?.message ?? `HTTP ${response.status}`,
    errors: body.error?.errors ?? [],
  };
}

function unreachable(id: number, error: unknown): DecisionFailure {
  return {
    kind: 'failed',
    id,
    status: 0,
    message: error instanceof Error ? error.message : String(error),
    errors: [{ field: 'network', message: 'нет связи с сервером' }],
  };
}

/**
 * Gives the complaint a category (and a municipality when intake could not place it); it is then routed by the
 * rules. 409: another operator was first.
 */
export async function classifyFromQueue(
  id: number,
  category: string,
  municipality?: string,
): Promise<DecisionResult> {
  try {
    const response = await post(`/api/v1/complaints/${id}/classification`, {
      category,
      ...(municipality ? { municipality } : {}),
    });
    if (response.status === 201) {
      const body = (await response.json()) as { category: string; executor: string; dueAt: string };
      return { kind: 'classified', id, category: body.category, executor: body.executor, dueAt: body.dueAt };
    }
    if (response.status === 409) return { kind: 'taken', id };
    return await failureOf(id, response);
  } catch (error) {
    return unreachable(id, error);
  }
}

/**
 * Rejects a queued complaint. `expectedStatus: new` makes the server refuse (409) a rejection of a complaint
 * another operator has classified in the meantime, instead of overriding their decision.
 */
export async function rejectFromQueue(id: number, reason: RejectionReason): Promise<DecisionResult> {
  try {
    const response = await post(`/api/v1/complaints/${id}/events`, {
      status: 'rejected',
      reason,
      actor: TRIAGE_ACTOR,
      expectedStatus: 'new',
    });
    if (response.status === 201) return { kind: 'rejected', id, reason };
    if (response.status === 409) return { kind: 'taken', id };
    return await failureOf(id, response);
  } catch (error) {
    return unreachable(id, error);
  }
}
