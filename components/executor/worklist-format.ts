/**
 * Wording of the executor's worklist (pure): status names, the due line, and the server's field errors (English,
 * for integrators) said in Russian next to the fields they concern.
 */
import { formatDurationRu } from '../../lib/i18n/format-ru';
import type { ComplaintStatus, RejectionReason } from '../../lib/domain/statuses';
import type { FieldError } from '../../lib/domain/field-errors';
import { formatDue, formatMoment } from '../triage/triage-format';

export const STATUS_NAMES: Readonly<Record<ComplaintStatus, string>> = {
  new: 'новое',
  routed: 'назначено',
  in_progress: 'в работе',
  resolved: 'решено',
  closed: 'закрыто',
  reopened: 'открыто повторно',
  rejected: 'отклонено',
  on_vote: 'на голосовании',
};

/** Short names of the rejection reasons for the picker (statuses.ts holds the resident-facing wording). */
export const REASON_LABELS: Readonly<Record<RejectionReason, string>> = {
  spam: 'Спам или оскорбления',
  not_competence: 'Не в компетенции',
  duplicate: 'Повтор обращения',
  insufficient_data: 'Недостаточно сведений',
};

/** «срок до 25 ноября, 18:00 · осталось 3 ч» or «просрочено на 2 ч» for an open complaint. */
export function dueLine(dueAt: string, overdue: boolean, now: number): string {
  const left = Date.parse(dueAt) - now;
  if (overdue || left <= 0)
    return `просрочено на ${formatDurationRu(Math.max(0, -left))} · срок был ${formatMoment(dueAt, now)}`;
  return `срок ${formatDue(dueAt, now)} · осталось ${formatDurationRu(left)}`;
}

const MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$/, () => 'обязательное поле'],
  [/at least one photo/, () => 'нужна хотя бы одна ссылка на фото результата'],
  [/needs the answer/, () => 'нужен ответ жителю'],
  [/needs a reason/, () => 'выберите причину отклонения'],
  [/must be an http\(s\) URL/, () => 'ссылка должна начинаться с http:// или https://'],
  [/must not be empty|nothing visible/, () => 'не может быть пустым'],
  [/at most (\d+) characters/, (m) => `не длиннее ${m[1]} символов`],
  [/at most (\d+) URLs/, (m) => `не больше ${m[1]} ссылок`],
  [/NUL|control character|surrogate/, () => 'содержит недопустимые символы'],
  [
    /cannot go from "(\w+)" to "(\w+)"/,
    (m) => `нельзя перевести из «${statusName(m[1]!)}» в «${statusName(m[2]!)}»`,
  ],
  [/no category and no executor/, () => 'обращение ещё не классифицировано'],
  [/before the last event|precedes/, () => 'время раньше последнего события'],
  [/is now "(\w+)"|expected/, () => 'статус уже изменился — обновите страницу'],
];

function statusName(code: string): string {
  return STATUS_NAMES[code as ComplaintStatus] ?? code;
}

/** The form field an error belongs to: `photoUrls.0` is the photo list. */
export function fieldOf(error: FieldError): string {
  return error.field.split('.')[0] ?? error.field;
}

/** One of the server's reasons in Russian; an unforeseen one keeps the server's words in brackets. */
export function fieldMessageRu(error: FieldError): string {
  for (const [pattern, say] of MESSAGES) {
    const match = error.message.match(pattern);
    if (match) return say(match);
  }
  return `значение не принято (${error.message})`;
}

/** What an HTTP refusal means for the person at the desk. */
export function failureTitle(status: number): string {
  if (status === 0) return 'Нет связи с сервером';
  if (status === 401) return 'Сессия истекла — войдите снова';
  if (status === 403) return 'Нет прав менять это обращение';
  if (status === 404) return 'Обращение не найдено';
  if (status === 409) return 'Статус обращения уже изменился';
  if (status === 429) return 'Слишком много действий подряд — подождите немного';
  if (status >= 500) return 'Ошибка сервера — попробуйте ещё раз';
  return 'Проверьте поля';
}
