import type { AppContext } from '../context';
import { classifyComplaint } from '../lifecycle/classify-complaint';
import { recordTransitions } from '../lifecycle/record-transitions';
import type { ProgressableComplaint } from './list-progressable-complaints';

/** The simulated shift takes a queued message after this long at the least and at the most. */
export const OPERATOR_MIN_WAIT_MS = 4 * 60_000;
export const OPERATOR_MAX_WAIT_MS = 25 * 60_000;

/** Beyond this many remembered messages the oldest are forgotten; they wait for a real operator. */
const MAX_REMEMBERED = 20_000;

export const SIMULATED_OPERATOR = 'operator:simulator';

export interface SimulatedOperator {
  /** Notes what the operator will decide for a message sent without a rubric. */
  remember(externalId: string, truth: string | null): void;
  /**
   * Decides the queued messages among `rows` that have waited their turn: files them under their true category,
   * or rejects an empty post for lack of data. Returns how many decisions were applied.
   */
  work(rows: readonly ProgressableComplaint[], now: Date): Promise<number>;
  /** How many messages it still remembers (tests, logs). */
  readonly remembered: number;
}

/** A wait spread over the window but fixed per complaint, so a restart of the tick does not reshuffle it. */
function waitOf(id: number): number {
  const spread = OPERATOR_MAX_WAIT_MS - OPERATOR_MIN_WAIT_MS;
  return OPERATOR_MIN_WAIT_MS + ((Math.imul(id, 2654435761) >>> 0) % spread);
}

/**
 * Stands in for the center's operators in the demo, so that the queue fills and drains like a staffed one.
 * It only knows the messages the simulator itself sent in this run: what was queued before a restart, or sent
 * by anyone else, is left for a person at /triage.
 */
export function createSimulatedOperator(ctx: AppContext): SimulatedOperator {
  const truths = new Map<string, string | null>();
  return {
    remember(externalId, truth) {
      truths.set(externalId, truth);
      if (truths.size > MAX_REMEMBERED) {
        const oldest = truths.keys().next();
        if (!oldest.done) truths.delete(oldest.value);
      }
    },
    async work(rows, now) {
      let applied = 0;
      for (const row of rows) {
        if (row.status !== 'new' || row.categoryCode !== null || !row.externalId) continue;
        if (!truths.has(row.externalId)) continue;
        if (now.getTime() - row.receivedAt.getTime() < waitOf(row.id)) continue;
        const truth = truths.get(row.externalId) ?? null;
        truths.delete(row.externalId);
        if (truth) {
          const result = await classifyComplaint(ctx, {
            complaintId: row.id,
            category: truth,
            actor: SIMULATED_OPERATOR,
          });
          if (result.status === 'applied') applied += 1;
        } else {
          const [result] = await recordTransitions(ctx, [
            {
              complaintId: row.id,
              status: 'rejected',
              reason: 'insufficient_data',
              actor: SIMULATED_OPERATOR,
              answer:
                'Из сообщения не ясно, о какой проблеме и каком адресе идёт речь. Пожалуйста, опишите проблему и укажите адрес на портале «Добродел».',
            },
          ]);
          if (result?.status === 'applied') applied += 1;
        }
      }
      return applied;
    },
    get remembered() {
      return truths.size;
    },
  };
}
