/** Complaint lifecycle; the transition table below is the single source of what may follow what. */
export const COMPLAINT_STATUSES = [
  'new',
  'routed',
  'in_progress',
  'resolved',
  'closed',
  'reopened',
  'rejected',
  'on_vote',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Statuses that still wait for the executor: they count as open and can become overdue. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['new', 'routed', 'in_progress', 'reopened'];

/**
 * `rejected` (spam, not our competence, …) can be reopened when the rejection was wrong; `on_vote` (a
 * resource-intensive fix put to the residents' vote on «Добродел») ends either in work or closed by the vote.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  new: ['routed', 'in_progress', 'rejected', 'on_vote'],
  routed: ['in_progress', 'resolved', 'rejected', 'on_vote'],
  in_progress: ['resolved', 'rejected', 'on_vote'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['routed', 'in_progress', 'resolved'],
  rejected: ['reopened'],
  on_vote: ['routed', 'in_progress', 'closed'],
};

/** Why a complaint is rejected; `reason` is required with `rejected`. */
export const REJECTION_REASONS = ['spam', 'not_competence', 'duplicate', 'insufficient_data'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const REJECTION_REASON_NAMES: Readonly<Record<RejectionReason, string>> = {
  spam: 'спам или оскорбления',
  not_competence: 'не в компетенции органов власти региона',
  duplicate: 'повтор уже принятого обращения',
  insufficient_data: 'недостаточно сведений',
};

export function isOpenStatus(status: ComplaintStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Status classes the rollups count by: rejected and voted-on complaints are out of the backlog, like closed. */
export type StatusClass = 'open' | 'resolved' | 'closed';

export function statusClass(status: ComplaintStatus): StatusClass {
  if (status === 'resolved') return 'resolved';
  if (isOpenStatus(status)) return 'open';
  return 'closed';
}

/** Punctuality of a complaint: past its due time it is late, past 3× its deadline very late. */
export const SLA_STATES = ['on_time', 'late', 'very_late'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export function slaStateAt(now: Date, dueAt: Date, veryLateAt: Date): SlaState {
  if (now.getTime() >= veryLateAt.getTime()) return 'very_late';
  if (now.getTime() >= dueAt.getTime()) return 'late';
  return 'on_time';
}
