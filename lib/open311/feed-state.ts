import { decodeHtmlText } from '../text/decode-html-text';
import type { FeedRecord } from './parse-feed';

/** A lifecycle event's comment holds at most this much (lib/lifecycle/validate-transition.ts). */
const MAX_COMMENT_CHARS = 4000;

/**
 * What another server says of a request's progress, in the three steps our lifecycle can follow: still open,
 * taken into work, or ended (closed, completed, resolved, refused — GeoReport has only open and closed, and
 * servers add their own words).
 */
export type FeedStatus = 'open' | 'in_progress' | 'closed';

/** The feed's word on a request's progress, applied to the stored complaint after intake. */
export interface FeedRecordState {
  status: FeedStatus;
  updatedAt: Date | null;
  /** expected_datetime: the server's promised time, our due time. */
  expectedAt: Date | null;
  notes: string | null;
}

const STATUS_WORDS: Readonly<Record<string, FeedStatus>> = {
  open: 'open',
  opened: 'open',
  new: 'open',
  submitted: 'open',
  received: 'open',
  pending: 'open',
  reopened: 'open',
  unassigned: 'open',
  in_progress: 'in_progress',
  inprogress: 'in_progress',
  in_process: 'in_progress',
  in_work: 'in_progress',
  processing: 'in_progress',
  acknowledged: 'in_progress',
  accepted: 'in_progress',
  assigned: 'in_progress',
  scheduled: 'in_progress',
  under_review: 'in_progress',
  work_in_progress: 'in_progress',
  closed: 'closed',
  completed: 'closed',
  complete: 'closed',
  resolved: 'closed',
  done: 'closed',
  fixed: 'closed',
  archived: 'closed',
  cancelled: 'closed',
  canceled: 'closed',
  rejected: 'closed',
  declined: 'closed',
  duplicate: 'closed',
  invalid: 'closed',
};

/** A status word as servers write it (`Closed`, `IN PROGRESS`, `closed - duplicate`), or null when unknown. */
export function feedStatusOf(raw: string): FeedStatus | null {
  const word = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const known = STATUS_WORDS[word];
  if (known) return known;
  // "closed_duplicate", "closed_-_completed", "open_(acknowledged)": the first word decides.
  const head = /^[a-z]+/.exec(word)?.[0];
  return head === 'closed' || head === 'open' ? head : null;
}

function textsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (typeof value === 'number') return [];
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => textsOf(v, depth + 1));
  // A note object of some servers ({ datetime, summary, description, type }): its words, not its dates.
  const note = value as Record<string, unknown>;
  const words = ['summary', 'description', 'status_notes', 'note', 'text', 'comment'].flatMap((k) =>
    textsOf(note[k], depth + 1),
  );
  return words;
}

/**
 * The feed's notes on a request, as one text: GeoReport's `status_notes`, and the `notes` list some servers
 * add (strings, or objects with a summary and a description); repeated sentences are kept once.
 */
export function notesOf(record: FeedRecord): string | null {
  const all = [...textsOf(record.status_notes), ...textsOf(record.notes), ...textsOf(record.status_note)]
    .map((t) => decodeHtmlText(t).text.trim())
    .filter(Boolean);
  if (all.length === 0) return null;
  const text = [...new Set(all)].join('\n');
  return text.length > MAX_COMMENT_CHARS ? `${text.slice(0, MAX_COMMENT_CHARS - 1)}…` : text;
}
