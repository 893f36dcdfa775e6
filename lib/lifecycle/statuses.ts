/** Complaint lifecycle. Issue 5 extends it (rejected, vote); keep the transition table the single source. */
export const COMPLAINT_STATUSES = ['new', 'routed', 'in_progress', 'resolved', 'closed', 'reopened'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Statuses that still wait for the executor: they count as open and can become overdue. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['new', 'routed', 'in_progress', 'reopened'];

export const ALLOWED_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  new: ['routed', 'in_progress'],
  routed: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['routed', 'in_progress', 'resolved'],
};

export function isOpenStatus(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Status classes the rollups count by. */
export type StatusClass = 'open' | 'resolved' | 'closed';

export function statusClass(status: ComplaintStatus): StatusClass {
  if (status === 'resolved') return 'resolved';
  if (status === 'closed') return 'closed';
  return 'open';
}

/** Punctuality of a complaint: past its due time it is late, past 3× its deadline very late. */
export const SLA_STATES = ['on_time', 'late', 'very_late'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export function slaStateAt(now: Date, dueAt: Date, veryLateAt: Date): SlaState {
  if (now.getTime() >= veryLateAt.getTime()) return 'very_late';
  if (now.getTime() >= dueAt.getTime()) return 'late';
  return 'on_time';
}
