import type { AppContext } from '../context';
import { describeError } from '../log/describe-error';
import { reconstructIncidents } from './reconstruct-incidents';
import { scanIncidents } from './scan-incidents';

/** Often enough that a burst is on the wall within seconds of the rollup showing it. */
export const INCIDENT_SCAN_MS = 2_000;

/**
 * The leader's incident work: first the hours nobody scanned (this node was not leading, or nobody was), then
 * the last two hours on a chain of timeouts, each set after the previous scan ended.
 */
export function startIncidentScan(ctx: AppContext, intervalMs = INCIDENT_SCAN_MS): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  const run = async () => {
    try {
      const added = await reconstructIncidents(ctx);
      if (added > 0) ctx.log.info({ incidents: added }, 'past incidents reconstructed');
    } catch (error) {
      ctx.log.error({ err: describeError(error) }, 'incident reconstruction failed');
    }
    while (!stopped) {
      try {
        const result = await scanIncidents(ctx);
        if (result.opened > 0) ctx.log.info(result, 'incidents opened');
      } catch (error) {
        ctx.log.error({ err: describeError(error) }, 'incident scan failed');
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, intervalMs);
        timer.unref();
      });
    }
  };
  const running = run();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    wake?.();
    await running;
  };
}
