import type { ComplaintStatus } from '../domain/statuses';

/**
 * A stored complaint as the hubs hear of it. It hands out the masked excerpt, never the resident's text, so raw
 * personal data cannot reach a screen through a change; the excerpt is masked the first time a screen shows the
 * complaint and kept (lib/text/lazy-excerpt.ts), not once per watching screen and not for every arrival.
 */
export interface CreatedComplaint {
  id: number;
  receivedAt: Date;
  /**
   * One line of the text with personal data masked (lib/text/mask-personal-data.ts, `excerptOf`). Absent for
   * a change heard from another node's commit (the feed carries no resident text): the hub reads it if shown.
   */
  excerpt?: () => string;
  blockCode: string | null;
  categoryCode: string | null;
  municipalityOktmo: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * A change to a stored complaint that its block's panel shows. `from` equal to `to` is a move without a status
 * change (reclassified into another block, handed to another executor): the panel recounts, the live counts
 * (read from the rollups) stay as they are.
 */
export interface AppliedTransition {
  complaintId: number;
  blockCode: string | null;
  from: ComplaintStatus;
  to: ComplaintStatus;
  at: Date;
  /** Set when the complaint changed hands: the executor lists and per-executor overdue counts move. */
  executor?: { from: string | null; to: string };
}

/** What one committed transaction changed. */
export interface CommittedChange {
  created: CreatedComplaint[];
  transitions: AppliedTransition[];
  /** Open complaints the SLA clock just moved to late or very late. */
  slaMoved: number;
  /** Incidents opened, recounted, acknowledged or closed: screens get the new list. */
  incidents?: number;
  /** A classifier version went live (retrained or rolled back): every node loads it. */
  classifier?: number;
}

/** A transaction that created, moved and aged nothing: neither heard by the hubs nor written to the feed. */
export function isEmptyChange(change: CommittedChange): boolean {
  return (
    change.created.length === 0 &&
    change.transitions.length === 0 &&
    change.slaMoved === 0 &&
    !change.incidents &&
    !change.classifier
  );
}

type Listener = (change: CommittedChange) => void;

/**
 * In-process fan-out of committed changes to the live state (and anything else that listens). A change is
 * published after its commit, so a listener that throws must not turn a stored write into a failed one for the
 * caller (or for every caller of a merged intake commit): its error goes to `onListenerError` and the other
 * listeners still hear the change.
 */
export class ChangeBus {
  private listeners = new Set<Listener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: CommittedChange): void {
    if (isEmptyChange(change)) return;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
