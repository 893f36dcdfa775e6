import type { ComplaintStatus, RejectionReason } from '../domain/statuses';
import type { FieldError } from '../domain/field-errors';

/** One requested status change (`POST /api/v1/complaints/{id}/events`, or a batch from the simulator). */
export interface TransitionInput {
  complaintId: number;
  status: ComplaintStatus;
  /** When it happened; defaults to now. Must not precede the complaint's last event nor lie in the future. */
  at?: string;
  actor?: string;
  comment?: string;
  /** resolved: photo proof of the fix (required, http(s) URLs). */
  photoUrls?: string[];
  /** resolved (required), rejected, on_vote: the answer to the resident. */
  answer?: string;
  /** rejected: why (required). */
  reason?: RejectionReason;
  /**
   * The status the caller saw: when the complaint is in another one by now (someone acted first), the step is
   * refused instead of overriding that decision.
   */
  expectedStatus?: ComplaintStatus;
}

export type TransitionResult =
  | { complaintId: number; status: 'applied'; from: ComplaintStatus; to: ComplaintStatus; at: string }
  | {
      complaintId: number;
      status: 'rejected';
      code: 'not_found' | 'illegal' | 'invalid';
      errors: FieldError[];
    };
