import type { AppContext } from '../context';
import { recordAttempts, type AttemptRecord } from './record-attempts';

const WRITE_TRIES = 5;

interface Waiting {
  record: AttemptRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Hands finished attempts to the single writer in batches: one write when idle, and under load one write for
 * everything that finished while the previous write waited, so a burst of answers does not take the writer
 * once per request. Resolves each caller's promise once its attempt is stored.
 */
export function createAttemptRecorder(
  ctx: AppContext,
  sleep: (ms: number) => Promise<void>,
): (record: AttemptRecord) => Promise<void> {
  const buffer: Waiting[] = [];
  let flushing = false;

  async function write(records: AttemptRecord[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await ctx.writer.run(records.length, () => recordAttempts(ctx.db, records));
      } catch (error) {
        // Under an intake flood the writer refuses; the answers are already sent, so wait rather than resend.
        if (!ctx.writer.isRefusal(error) || attempt >= WRITE_TRIES) throw error;
        await sleep(error.retryAfterSeconds * 1000);
      }
    }
  }

  function flush(): void {
    if (flushing || buffer.length === 0) return;
    flushing = true;
    const batch = buffer.splice(0);
    write(batch.map((w) => w.record))
      .then(
        () => batch.forEach((w) => w.resolve()),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        flushing = false;
        flush();
      });
  }

  return (record) =>
    new Promise<void>((resolve, reject) => {
      buffer.push({ record, resolve, reject });
      flush();
    });
}
