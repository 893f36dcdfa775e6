import type { AppContext } from '../context';
import type { Leadership } from '../cluster/leadership';
import { startFeedPruner } from '../cluster/prune-feed';
import { describeError } from '../log/describe-error';
import { startSlaClock } from '../sla/advance-sla-clock';
import { startIncidentScan } from '../incidents/start-incident-scan';
import { startRetrainSchedule, type RetrainSchedule } from '../classifier-learning/retrain-schedule';
import {
  startWebhookDispatcher,
  type WebhookDispatcher,
  type WebhookDispatcherOptions,
} from '../webhooks/dispatcher';

export interface LeaderWorkParts {
  /** The SLA clock (overdue flags, hourly backlog record); an object sets its period. */
  slaClock?: boolean | { intervalMs: number };
  webhooks?: boolean | WebhookDispatcherOptions;
  /** Change-feed pruning (several nodes only: one node's feed is pruned the same way, harmlessly). */
  pruneFeed?: boolean;
  /** Bursts become incidents (lib/incidents); an object sets the scan period. */
  incidentScan?: boolean | { intervalMs: number };
  /** The classifier retrains from the operators' decisions (lib/classifier-learning); an object sets when. */
  classifierRetrain?: boolean | RetrainSchedule;
}

/**
 * What must run once in the whole cluster runs on the leader only: started when this node is elected,
 * stopped (and awaited) when it loses the leadership, one transition at a time.
 */
export function runLeaderWork(
  ctx: AppContext,
  leadership: Leadership,
  parts: LeaderWorkParts,
): () => Promise<void> {
  let stops: (() => Promise<void>)[] = [];
  let chain: Promise<void> = Promise.resolve();

  const begin = () => {
    const { slaClock, webhooks, pruneFeed, incidentScan, classifierRetrain } = parts;
    if (slaClock) stops.push(startSlaClock(ctx, slaClock === true ? undefined : slaClock.intervalMs));
    if (webhooks) {
      const dispatcher: WebhookDispatcher = startWebhookDispatcher(ctx, webhooks === true ? {} : webhooks);
      stops.push(() => dispatcher.stop());
    }
    if (pruneFeed) stops.push(startFeedPruner(ctx));
    if (incidentScan)
      stops.push(startIncidentScan(ctx, incidentScan === true ? undefined : incidentScan.intervalMs));
    if (classifierRetrain)
      stops.push(startRetrainSchedule(ctx, classifierRetrain === true ? undefined : classifierRetrain));
  };
  const end = async () => {
    const current = stops;
    stops = [];
    await Promise.all(current.map((stop) => stop()));
  };
  const unsubscribe = leadership.onChange((leading) => {
    chain = chain
      .then(() => (leading ? begin() : end()))
      .catch((error: unknown) =>
        ctx.log.error({ err: describeError(error) }, 'leader work failed to switch'),
      );
  });
  return async () => {
    unsubscribe();
    await chain;
    await end();
  };
}
