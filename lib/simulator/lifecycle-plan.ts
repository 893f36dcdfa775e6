import type { CategoryKind } from '../../db/seed/types';
import { canTransition, type ComplaintStatus } from '../lifecycle/statuses';
import { createRng, mixSeed, type Rng } from './random';

/** What a complaint's fate depends on; every field is stored, so the plan can be rebuilt after a restart. */
export interface PlanSubject {
  id: number;
  receivedAt: Date;
  dueAt: Date;
  kind: CategoryKind;
  blockCode: string | null;
}

export interface PlanStep {
  status: ComplaintStatus;
  at: Date;
  actor: string;
  comment: string;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Fixed salt: the plan must not change between runs, or a restarted simulator would lose its place. */
const PLAN_SALT = 0x1f0c_a5e7;
/** Share answered after the deadline; reopened ones add ~1–2 points, for the 8–12% overdue a center reports. */
export const LATE_SHARE = 0.085;

const EXECUTORS: Readonly<Record<string, readonly string[]>> = {
  housing: ['Управляющая компания', 'Ресурсоснабжающая организация', 'Госжилинспекция МО'],
  transport: ['ГБУ МО «Мосавтодор»', 'Администрация городского округа', 'Перевозчик АО «Мострансавто»'],
  ecology: ['Региональный оператор ТКО', 'Министерство экологии МО', 'Администрация городского округа'],
  health: ['Министерство здравоохранения МО', 'Главный врач медицинской организации'],
  education: ['Управление образования городского округа', 'Министерство образования МО'],
  social: ['Министерство социального развития МО', 'Окружное управление социального развития'],
  construction: ['Главгосстройнадзор МО', 'Министерство жилищной политики МО'],
  'national-projects': ['Комитет по конкурентной политике МО', 'Администрация городского округа'],
  safety: ['Главное управление региональной безопасности МО', 'Администрация городского округа'],
  'public-services': ['Министерство государственного управления МО', 'МФЦ городского округа'],
  media: ['Министерство информационной политики МО', 'Администрация городского округа'],
};

const RESOLUTIONS = [
  'Проблема устранена, фотоотчёт размещён',
  'Работы выполнены, заявитель уведомлён',
  'Дан ответ заявителю по существу',
  'Выполнено в установленный срок',
  'Устранено силами исполнителя',
];

/** The operator of the ЦУР (routing, closing) or the executor (work, answer) who makes each step. */
const ACTOR = { center: 'ЦУР МО', executor: 'Исполнитель' } as const;

function step(status: ComplaintStatus, at: number, actor: string, comment: string): PlanStep {
  return { status, at: new Date(Math.round(at)), actor, comment };
}

/** Resolution after `from`: on time, skewed early inside the window left before the deadline, or late. */
function resolveTime(rng: Rng, from: number, due: number, kind: CategoryKind, late: boolean): number {
  if (late) {
    // A few drag on for weeks: they are the long tail the wall shows as "still overdue".
    if (rng.chance(0.25)) return Math.max(due, from) + rng.uniform(5 * DAY, 21 * DAY);
    const span = kind === 'operational' ? rng.uniform(HOUR, 3 * DAY) : rng.uniform(6 * HOUR, 7 * DAY);
    return Math.max(due, from) + span;
  }
  const earliest = from + (kind === 'operational' ? 30 * MIN : 6 * HOUR);
  const latest = due - 5 * MIN;
  if (latest <= earliest) return from + rng.uniform(HOUR, 3 * HOUR);
  return earliest + Math.pow(rng.next(), 1.4) * (latest - earliest);
}

/**
 * The deterministic fate of one complaint, seeded by its id: routed within about an hour, taken into work,
 * resolved mostly before the deadline (≈ 10% after it), often confirmed and closed a day later, sometimes
 * reopened by the resident and solved again. The first step is the intake itself (`new` at receivedAt).
 */
export function planLifecycle(subject: PlanSubject): PlanStep[] {
  const rng = createRng(mixSeed(PLAN_SALT, subject.id));
  const received = subject.receivedAt.getTime();
  const due = subject.dueAt.getTime();
  const operational = subject.kind === 'operational';
  const executor = rng.pick(EXECUTORS[subject.blockCode ?? ''] ?? ['Профильное ведомство']);
  const steps: PlanStep[] = [step('new', received, ACTOR.center, 'Сообщение поступило')];

  let t = received;
  if (rng.chance(0.05)) {
    // The executor picks it up straight from its own system.
    t += rng.uniform(10 * MIN, 60 * MIN);
    steps.push(step('in_progress', t, executor, 'Принято в работу'));
  } else {
    t += rng.chance(0.85) ? rng.uniform(3 * MIN, 55 * MIN) : rng.uniform(HOUR, 4 * HOUR);
    steps.push(step('routed', t, ACTOR.center, `Направлено исполнителю: ${executor}`));
    // Small fixes (a bulb, a bag of rubbish) are done and answered without a separate "in work" mark.
    const quickFix = operational && rng.chance(0.1);
    if (!quickFix) {
      t += operational ? rng.uniform(20 * MIN, 6 * HOUR) : rng.uniform(2 * HOUR, 36 * HOUR);
      steps.push(step('in_progress', t, executor, 'Принято в работу'));
    }
  }

  t = Math.max(t + MIN, resolveTime(rng, t, due, subject.kind, rng.chance(LATE_SHARE)));
  steps.push(step('resolved', t, executor, rng.pick(RESOLUTIONS)));

  if (rng.chance(0.04)) {
    if (rng.chance(0.5)) {
      t += rng.uniform(12 * HOUR, 36 * HOUR);
      steps.push(step('closed', t, ACTOR.center, 'Закрыто после проверки'));
    }
    t += rng.uniform(2 * HOUR, 48 * HOUR);
    steps.push(step('reopened', t, 'Заявитель', 'Заявитель сообщил, что проблема не решена'));
    t += rng.uniform(30 * MIN, 4 * HOUR);
    steps.push(step('in_progress', t, executor, 'Повторно принято в работу'));
    t += operational ? rng.uniform(4 * HOUR, 40 * HOUR) : rng.uniform(DAY, 4 * DAY);
    steps.push(step('resolved', t, executor, rng.pick(RESOLUTIONS)));
    if (rng.chance(0.6)) {
      t += rng.uniform(12 * HOUR, 36 * HOUR);
      steps.push(step('closed', t, ACTOR.center, 'Заявитель подтвердил решение'));
    }
  } else if (rng.chance(0.65)) {
    t += rng.uniform(18 * HOUR, 40 * HOUR);
    steps.push(
      step(
        'closed',
        t,
        ACTOR.center,
        rng.chance(0.7) ? 'Заявитель подтвердил решение' : 'Закрыто по истечении срока подтверждения',
      ),
    );
  }
  return steps;
}

/** The stored state of a complaint: its status and the time of its last event. */
export interface CurrentState {
  status: ComplaintStatus;
  statusAt: Date;
}

/** The remaining path from each status for a complaint whose stored history left the plan. */
const CONTINUATION: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  new: ['routed', 'in_progress', 'resolved'],
  routed: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  reopened: ['in_progress', 'resolved'],
  resolved: [],
  closed: [],
  rejected: [],
  on_vote: [],
};

const CONTINUATION_COMMENT: Partial<Record<ComplaintStatus, string>> = {
  routed: 'Направлено исполнителю',
  in_progress: 'Принято в работу',
};

/** A short path to resolution for a complaint an operator changed by hand, starting after its last event. */
function continuation(subject: PlanSubject, current: CurrentState): PlanStep[] {
  const rng = createRng(mixSeed(PLAN_SALT, subject.id, current.statusAt.getTime()));
  let t = current.statusAt.getTime();
  return CONTINUATION[current.status].map((status) => {
    t += status === 'resolved' ? rng.uniform(2 * HOUR, 30 * HOUR) : rng.uniform(10 * MIN, 4 * HOUR);
    const actor = status === 'routed' ? ACTOR.center : ACTOR.executor;
    return step(status, t, actor, CONTINUATION_COMMENT[status] ?? rng.pick(RESOLUTIONS));
  });
}

/**
 * The plan's steps that follow the stored state and are due by `now`, in order. The stored state is found in
 * the plan by status and time; a complaint whose history diverged gets a short path to resolution instead.
 */
export function dueSteps(subject: PlanSubject, current: CurrentState, now: Date): PlanStep[] {
  const plan = planLifecycle(subject);
  const at = current.statusAt.getTime();
  let index = -1;
  for (let i = plan.length - 1; i >= 0; i--) {
    const s = plan[i]!;
    if (s.status === current.status && Math.abs(s.at.getTime() - at) <= 1000) {
      index = i;
      break;
    }
  }
  const rest = index >= 0 ? plan.slice(index + 1) : continuation(subject, current);
  const out: PlanStep[] = [];
  let status = current.status;
  let last = at;
  for (const s of rest) {
    if (s.at.getTime() > now.getTime()) break;
    if (!canTransition(status, s.status) || s.at.getTime() < last) break;
    out.push(s);
    status = s.status;
    last = s.at.getTime();
  }
  return out;
}
