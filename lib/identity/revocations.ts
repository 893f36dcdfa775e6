/**
 * Tells the live edge that credentials stopped being valid (revoked, a display unpaired, a person disabled),
 * so Socket.IO drops their connections at once instead of at the next reconnect. In-process: each node
 * revokes its own sockets when it hears of it.
 */
export type RevocationListener = (credentialIds: readonly number[]) => void;
/** Credentials still valid whose holder should reload: a display moved to another screen of the wall. */
export type ChangeListener = (credentialIds: readonly number[]) => void;

export class Revocations {
  private readonly listeners = new Set<RevocationListener>();
  private readonly changeListeners = new Set<ChangeListener>();

  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  announceChange(credentialIds: readonly number[]): void {
    this.tell(this.changeListeners, credentialIds);
  }

  on(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(credentialIds: readonly number[]): void {
    this.tell(this.listeners, credentialIds);
  }

  private tell(listeners: Set<RevocationListener>, credentialIds: readonly number[]): void {
    if (credentialIds.length === 0) return;
    for (const listener of listeners) {
      try {
        listener(credentialIds);
      } catch {
        // A listener's failure must not keep the others from hearing of a revocation.
      }
    }
  }
}
