import type { AppContext } from '../context';
import { intakeAdmission, type AdmissionTicket } from '../ingest/intake-admission';
import { intakeItems, intakeRefusals } from '../metrics/registry';
import { overloaded } from './responses';

export interface IntakeGate {
  /** For readJsonBody: admits by the body's size when no Content-Length did before it was read. */
  beforeParse: (bytes: number) => Response | null;
  /** The batch is parsed: its real size replaces the estimate. */
  parsed: (items: number) => void;
  /** The request is answered (in a finally): frees what it held. */
  done: () => void;
}

function refuse(items: number, retryAfterSeconds: number, expectedWaitMs: number): Response {
  intakeRefusals.inc({ reason: 'overloaded' });
  intakeItems.inc({ outcome: 'refused' }, items);
  return overloaded({
    retryAfterSeconds,
    message: `the intake is busy (expected wait ${(expectedWaitMs / 1000).toFixed(1)} s); retry after ${retryAfterSeconds} s`,
  });
}

/**
 * route()'s early refusal for POST /api/v1/complaints: the same rule as openIntakeGate, from Content-Length,
 * before the caller is looked up, holding nothing (an unknown caller cannot take intake's room). The gate after
 * authorization decides again and holds.
 */
export function refuseIntakeEarly(ctx: AppContext, request: Request): Response | null {
  const admission = intakeAdmission(ctx);
  const declared = contentLength(request);
  if (declared === null) return null;
  const items = admission.estimateItems(declared);
  const decision = admission.check(items);
  return decision.ok ? null : refuse(items, decision.retryAfterSeconds, decision.expectedWaitMs);
}

function contentLength(request: Request): number | null {
  const header = request.headers.get('content-length');
  return header !== null && /^\d+$/.test(header) ? Number(header) : null;
}

/**
 * POST /api/v1/complaints' backpressure before its body is read (by Content-Length) or, without one, once read
 * and before it is parsed: see IntakeAdmission. A refusal is 503 `overloaded` with Retry-After; nothing of the
 * request is read further or stored.
 */
export function openIntakeGate(ctx: AppContext, request: Request): { refused: Response } | IntakeGate {
  const admission = intakeAdmission(ctx);
  let ticket: AdmissionTicket | null = null;
  let bytes = 0;
  const tryAdmit = (items: number): Response | null => {
    const decision = admission.admit(items);
    if (!decision.ok) return refuse(items, decision.retryAfterSeconds, decision.expectedWaitMs);
    ticket = decision.ticket;
    return null;
  };
  const declared = contentLength(request);
  if (declared !== null) {
    bytes = declared;
    const refused = tryAdmit(admission.estimateItems(declared));
    if (refused) return { refused };
  }
  return {
    beforeParse: (size) => {
      bytes = size;
      return ticket ? null : tryAdmit(admission.estimateItems(size));
    },
    parsed: (items) => {
      ticket?.resize(items);
      admission.learnSize(bytes, items);
    },
    done: () => ticket?.done(),
  };
}
