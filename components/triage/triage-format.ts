/**
 * Wording of the operator queue (pure, so it is unit-tested): the waiting headline, times in Moscow time, the
 * place line and the line that confirms a decision.
 */
import { formatDurationRu, formatPercentRu, NBSP, withPlural } from '../../lib/i18n/format-ru';
import { plural } from '../../lib/i18n/plural';
import type { RejectionReason } from '../../lib/domain/statuses';
import type { TriageItem } from '../../lib/triage/get-triage-queue';
import type { TriageLookup } from '../../lib/triage/triage-names';

const TIME_ZONE = 'Europe/Moscow';

const HM = new Intl.DateTimeFormat('ru-RU', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const DAY_MONTH = new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE, day: 'numeric', month: 'long' });
// Digits only (ICU versions differ on whether ru-RU adds «г.» to a lone year): the suffix is added here.
const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric' });
const DATE_KEY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Short names of the reject buttons (the reference wording in statuses.ts is for the resident's answer). */
export const REJECT_LABELS: Readonly<Record<RejectionReason, string>> = {
  spam: 'Спам',
  not_competence: 'Не наша компетенция',
  duplicate: 'Повтор',
  insufficient_data: 'Недостаточно данных',
};

/** «7 обращений ждут решения», «1 обращение ждёт решения». */
export function waitingHeadline(total: number): string {
  return `${withPlural(total, ['обращение', 'обращения', 'обращений'])} ${plural(total, ['ждёт', 'ждут', 'ждут'])} решения`;
}

/** «ждёт 12 мин»: how long a complaint has waited since it was received. */
export function waitingFor(receivedAt: string, now: number): string {
  return `ждёт ${formatDurationRu(now - Date.parse(receivedAt))}`;
}

/**
 * A moment in Moscow time for a card: «14:05» today, «22 ноября, 14:05» another day, with the year only when
 * it is not this year's.
 */
export function formatMoment(at: string | number, now: number): string {
  const when = new Date(at);
  const today = DATE_KEY.format(new Date(now));
  if (DATE_KEY.format(when) === today) return HM.format(when);
  return `${DAY_MONTH.format(when)}${yearIfOther(when, now)}, ${HM.format(when)}`;
}

function yearIfOther(when: Date, now: number): string {
  const year = YEAR.format(when);
  return year === YEAR.format(new Date(now)) ? '' : ` ${year}${NBSP}г.`;
}

/** The due time in a confirmation, always with its date: «до 25 ноября, 18:00». */
export function formatDue(dueAt: string, now: number): string {
  const when = new Date(dueAt);
  return `до ${DAY_MONTH.format(when)}${yearIfOther(when, now)}, ${HM.format(when)}`;
}

/** The classifier's confidence or a suggestion's score as a percentage: «4,8%», «—» when not recorded. */
export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return '—';
  return formatPercentRu(score * 100);
}

export type PlaceLine =
  | { kind: 'found'; text: string }
  | { kind: 'ambiguous'; text: string }
  | { kind: 'foreign'; text: string }
  | { kind: 'unknown'; text: string };

/**
 * Where the complaint is: the municipality and the town named in the text; a name shared by several
 * municipalities stays ambiguous and lists them; nothing found says so instead of guessing.
 */
export function placeLine(
  item: Pick<TriageItem, 'municipality' | 'placeName' | 'placeCandidates' | 'possiblyForeignRegion'>,
  lookup: TriageLookup,
): PlaceLine {
  // Intake gave no place of ours: the text names another region, which the operator may reject as not ours.
  if (item.possiblyForeignRegion)
    return { kind: 'foreign', text: `возможно, другой регион: ${item.possiblyForeignRegion}` };
  if (item.municipality) {
    const municipality = lookup.municipality(item.municipality);
    const town = item.placeName && item.placeName !== municipality ? `, ${item.placeName}` : '';
    return { kind: 'found', text: `г.${NBSP}о. ${municipality}${town}` };
  }
  if (item.placeCandidates.length > 0) {
    const names = item.placeCandidates.map((oktmo) => lookup.municipality(oktmo)).join(' / ');
    const said = item.placeName ? ` («${item.placeName}»)` : '';
    return { kind: 'ambiguous', text: `место неоднозначно${said}: ${names}` };
  }
  return { kind: 'unknown', text: 'место не определено' };
}

/** What a decision did, as the page shows it for a few seconds and keeps in the shift's log. */
export type DecisionOutcome =
  | { kind: 'classified'; id: number; category: string; executor: string; dueAt: string }
  | { kind: 'rejected'; id: number; reason: RejectionReason }
  | { kind: 'taken'; id: number };

/** «№ 12345 → Минздрав МО · «Запись к врачу» · срок до 25 ноября, 18:00». */
export function confirmationText(outcome: DecisionOutcome, lookup: TriageLookup, now: number): string {
  const number = `№${NBSP}${outcome.id}`;
  switch (outcome.kind) {
    case 'classified':
      return `${number} → ${lookup.executor(outcome.executor)} · «${lookup.category(outcome.category)}» · срок ${formatDue(outcome.dueAt, now)}`;
    case 'rejected':
      return `${number} отклонено: ${REJECT_LABELS[outcome.reason].toLowerCase()}`;
    case 'taken':
      return `${number}: уже обработано другим оператором`;
  }
}
