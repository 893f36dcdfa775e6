import type { CategoryKind } from '../../db/seed/types';
import { canTransition, type ComplaintStatus, type RejectionReason } from '../domain/statuses';
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
  /** resolved: the proof the center requires. */
  photoUrls?: string[];
  answer?: string;
  /** rejected: why. */
  reason?: RejectionReason;
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
const ACTOR = { center: 'ЦУР МО', executor: 'Исполнитель', routing: 'system:routing' } as const;
/** Share of messages the center rejects (spam, not the region's competence, too vague). */
export const REJECTED_SHARE = 0.02;
/** Share of resource-intensive complaints put to the residents' vote instead of a fix. */
export const VOTE_SHARE = 0.2;

const REJECTIONS: readonly [RejectionReason, string][] = [
  ['spam', 'Сообщение не содержит обращения по существу'],
  ['spam', 'Сообщение содержит нецензурные выражения'],
  ['not_competence', 'Вопрос относится к компетенции федеральных органов, заявителю дано разъяснение'],
  ['not_competence', 'Вопрос рассматривается в судебном порядке'],
  ['insufficient_data', 'Не указан адрес, заявителю предложено уточнить обращение'],
];

function step(status: ComplaintStatus, at: number, actor: string, comment: string): PlanStep {
  return { status, at: new Date(Math.round(at)), actor, comment };
}

/** A resolution with its proof: the answer to the resident and photos of the fix (synthetic URLs). */
function resolution(rng: Rng, id: number, at: number, actor: string, n: number): PlanStep {
  const answer = rng.pick(RESOLUTIONS);
  const photos = 1 + Math.floor(rng.next() * 3);
  return {
    ...step('resolved', at, actor, answer),
    answer,
    photoUrls: Array.from(
      { length: photos },
      (_, i) => `https://media.example.org/cur/${id}/fix-${n}-${i + 1}.jpg`,
    ),
  };
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
  // Intake routes the complaint by the rules at once: the plan's second step is that automatic routing.
  const steps: PlanStep[] = [
    step('new', received, ACTOR.center, 'Сообщение поступило'),
    step('routed', received, ACTOR.routing, 'Направлено исполнителю по правилам маршрутизации'),
  ];

  let t = received;
  if (rng.chance(REJECTED_SHARE)) {
    const [reason, answer] = rng.pick(REJECTIONS);
    t += rng.uniform(20 * MIN, 3 * HOUR);
    steps.push({ ...step('rejected', t, ACTOR.center, answer), reason, answer });
    return steps;
  }
  // Small fixes (a bulb, a bag of rubbish) are done and answered without a separate "in work" mark.
  const quickFix = operational && rng.chance(0.1);
  if (!quickFix) {
    t += operational ? rng.uniform(20 * MIN, 6 * HOUR) : rng.uniform(2 * HOUR, 36 * HOUR);
    steps.push(step('in_progress', t, executor, 'Принято в работу'));
  }
  if (!operational && rng.chance(VOTE_SHARE)) {
    const answer = 'Вопрос вынесен на голосование жителей на портале «Добродел»';
    t += rng.uniform(DAY, 5 * DAY);
    steps.push({ ...step('on_vote', t, ACTOR.center, answer), answer });
    t += rng.uniform(14 * DAY, 30 * DAY);
    if (rng.chance(0.7)) {
      steps.push(step('closed', t, ACTOR.center, 'По итогам голосования включено в программу работ'));
      return steps;
    }
    steps.push(step('in_progress', t, executor, 'Жители поддержали: работы начаты'));
  }

  t = Math.max(t + MIN, resolveTime(rng, t, due, subject.kind, rng.chance(LATE_SHARE)));
  steps.push(resolution(rng, subject.id, t, executor, 1));

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
    steps.push(resolution(rng, subject.id, t, executor, 2));
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
  on_vote: ['closed'],
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
    if (status === 'resolved') return resolution(rng, subject.id, t, ACTOR.executor, 9);
    const actor = status === 'routed' || status === 'closed' ? ACTOR.center : ACTOR.executor;
    return step(status, t, actor, CONTINUATION_COMMENT[status] ?? 'Закрыто по итогам голосования');
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
