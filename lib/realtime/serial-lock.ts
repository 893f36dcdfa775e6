/**
 * Runs async jobs one after another, in call order, whatever each one's outcome: the hubs read and advance
 * their state only inside it, so a snapshot and the updates around it never interleave.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => {});
    return run;
  }

  /** Settles when every job queued so far has. */
  idle(): Promise<unknown> {
    return this.tail;
  }
}
