import type { ComplaintStatus, RejectionReason } from '../domain/statuses';
import type { TransitionInput } from '../lifecycle/types';
import { createRng, mixSeed } from './random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Fixed salt: a restarted feed must find the same plan for a stored complaint. */
const FEDERAL_PLAN_SALT = 0x7e_d0_5a_11;
/** Share the other centers answer after the deadline: they vary around the home center's 8–12%. */
const LATE_SHARE_RANGE = [0.04, 0.22] as const;
const REJECTED_SHARE = 0.03;
export const FEDERAL_ACTOR = 'ЦУР региона';

interface PlannedStep {
  status: ComplaintStatus;
  at: number;
}

/**
 * Each region's lateness is its own (a stable draw per region), so the map's overdue shares differ the way
 * a real network's do instead of all sitting on one average.
 */
export function regionLateShare(region: string): number {
  let h = 0;
  for (const ch of region) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  const rng = createRng(mixSeed(FEDERAL_PLAN_SALT, h));
  const [lo, hi] = LATE_SHARE_RANGE;
  return lo + Math.pow(rng.next(), 1.6) * (hi - lo);
}

/**
 * The fate of a relayed complaint in its own center, seeded by its id: taken into work within hours, then
 * resolved (mostly by the due time) or, rarely, rejected. Only the steps the federal view counts.
 */
export function planForeign(id: number, region: string, receivedAt: Date, dueAt: Date): PlannedStep[] {
  const rng = createRng(mixSeed(FEDERAL_PLAN_SALT, id));
  const received = receivedAt.getTime();
  const due = dueAt.getTime();
  const span = Math.max(due - received, 2 * HOUR);
  const start = received + rng.uniform(10 * MIN, Math.min(12 * HOUR, span / 3));
  const steps: PlannedStep[] = [{ status: 'in_progress', at: start }];
  if (rng.chance(REJECTED_SHARE))
    return [...steps, { status: 'rejected', at: start + rng.uniform(HOUR, DAY) }];
  const late = rng.chance(regionLateShare(region));
  const end = late
    ? due + rng.uniform(2 * HOUR, rng.chance(0.3) ? 14 * DAY : 3 * DAY)
    : start + Math.pow(rng.next(), 1.3) * Math.max(due - MIN - start, HOUR);
  return [...steps, { status: 'resolved', at: Math.max(end, start + 5 * MIN) }];
}

const REJECTION: { reason: RejectionReason; answer: string } = {
  reason: 'not_competence',
  answer: 'Вопрос не относится к компетенции органов власти региона, заявителю дано разъяснение',
};

/** The planned steps due by `now` after the stored status, as lifecycle inputs. */
export function dueForeignSteps(
  c: { id: number; status: ComplaintStatus; statusAt: Date; receivedAt: Date; dueAt: Date },
  region: string,
  now: Date,
): TransitionInput[] {
  const plan = planForeign(c.id, region, c.receivedAt, c.dueAt);
  const done = c.status === 'new' ? 0 : c.status === 'in_progress' ? 1 : plan.length;
  const out: TransitionInput[] = [];
  let last = c.statusAt.getTime();
  for (const step of plan.slice(done)) {
    if (step.at > now.getTime()) break;
    last = Math.max(last, step.at);
    const at = new Date(last).toISOString();
    if (step.status === 'resolved') {
      out.push({
        complaintId: c.id,
        status: 'resolved',
        at,
        actor: FEDERAL_ACTOR,
        answer: 'Проблема устранена, заявитель уведомлён',
        photoUrls: [`https://media.example.org/cur-federal/${c.id}/fix-1.jpg`],
      });
    } else if (step.status === 'rejected') {
      out.push({ complaintId: c.id, status: 'rejected', at, actor: FEDERAL_ACTOR, ...REJECTION });
    } else out.push({ complaintId: c.id, status: step.status, at, actor: FEDERAL_ACTOR });
  }
  return out;
}
