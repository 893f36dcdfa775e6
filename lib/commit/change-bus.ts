import type { ComplaintStatus } from '../domain/statuses';

export interface CreatedComplaint {
  id: number;
  receivedAt: Date;
  text: string;
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
}

type Listener = (change: CommittedChange) => void;

/** In-process fan-out of committed changes to the live state (and anything else that listens). */
export class ChangeBus {
  private listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(change: CommittedChange): void {
    if (change.created.length === 0 && change.transitions.length === 0 && change.slaMoved === 0) return;
    for (const listener of this.listeners) listener(change);
  }
}
