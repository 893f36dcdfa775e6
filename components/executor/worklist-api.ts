/**
 * The worklist's calls to the API (no React, no 'use client': the server page reads the page size here too).
 * The session cookie goes with each call; the browser's Origin header is what the server's CSRF check reads.
 * Calls answer with what happened and never throw.
 */
import type { FieldError } from '../../lib/domain/field-errors';
import type { ComplaintStatus, RejectionReason } from '../../lib/domain/statuses';
import type { ComplaintHistory } from '../../lib/lifecycle/get-complaint-history';
import type { ComplaintListPage } from '../../lib/lifecycle/list-complaints';

export const WORKLIST_PAGE_SIZE = 50;

/** A move the worklist offers, before the precondition is added. */
export type MoveBody =
  | { status: 'in_progress' }
  | { status: 'resolved'; answer: string; photoUrls: string[] }
  | { status: 'rejected'; reason: RejectionReason; answer: string };

/** `expectedStatus`: the status the row showed, so a move over someone else's answers 409. */
export type TransitionBody = MoveBody & { expectedStatus: ComplaintStatus };

type CallResult<T> = { ok: true; value: T } | { ok: false; status: number; errors: FieldError[] };

interface ErrorBody {
  error?: { message?: string; errors?: FieldError[] };
}

async function call<T>(url: string, init: RequestInit = {}): Promise<CallResult<T>> {
  try {
    const response = await fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store' });
    if (response.ok) return { ok: true, value: (await response.json()) as T };
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    return { ok: false, status: response.status, errors: body.error?.errors ?? [] };
  } catch {
    return { ok: false, status: 0, errors: [] };
  }
}

/** Moves a complaint on; `expectedStatus` makes the server refuse (409) when someone moved it first. */
export function postTransition(
  id: number,
  body: TransitionBody,
): Promise<CallResult<{ to: ComplaintStatus }>> {
  return call(`/api/v1/complaints/${id}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function fetchHistory(id: number): Promise<CallResult<ComplaintHistory>> {
  return call(`/api/v1/complaints/${id}/events`);
}

/** The next page of the caller's open complaints (the server applies the caller's scope). */
export function fetchOpenPage(before: number): Promise<CallResult<ComplaintListPage>> {
  return call(`/api/v1/complaints?status=open&limit=${WORKLIST_PAGE_SIZE}&before=${before}`);
}
