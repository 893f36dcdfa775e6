import { formatTime } from '@/components/ui/format';
import { confirmationText, type DecisionOutcome } from '@/components/triage/triage-format';
import type { TriageLookup } from '@/lib/triage/triage-names';

export interface LoggedDecision {
  outcome: DecisionOutcome;
  /** Client time of the answer. */
  at: number;
}

/** How long a decision stays in the confirmation box before it is only in the log. */
export const CONFIRMATION_VISIBLE_MS = 6_000;

const TONE = {
  classified: 'border-emerald-500 bg-emerald-950/60 text-emerald-50',
  // Neutral: a rejection is an operator's decision, not a breach or a warning (one colour code, status-colors.ts).
  rejected: 'border-slate-400 bg-slate-900/80 text-slate-50',
  taken: 'border-slate-500 bg-slate-800/80 text-slate-100',
} as const;

const SYMBOL = { classified: '✓', rejected: '✕', taken: '↷' } as const;

/**
 * The answer to what the operator just did (fresh decisions, large) and the shift's decisions so far. It sits
 * beside the list, so a confirmation appearing never pushes the cards down.
 */
export function DecisionLog({
  log,
  lookup,
  now,
}: {
  log: readonly LoggedDecision[];
  lookup: TriageLookup;
  now: number;
}) {
  const fresh = log.filter((d) => now - d.at < CONFIRMATION_VISIBLE_MS).slice(0, 3);
  const older = log.filter((d) => !fresh.includes(d)).slice(0, 8);
  return (
    <section aria-label="Решения">
      <div role="status" aria-live="polite" className="flex min-h-[5.5rem] flex-col gap-2">
        {fresh.map((d) => (
          <p
            key={`${d.outcome.id}-${d.at}`}
            data-testid="triage-confirmation"
            data-kind={d.outcome.kind}
            data-complaint-id={d.outcome.id}
            className={`rounded-lg border-2 px-4 py-3 text-xl font-semibold leading-snug ${TONE[d.outcome.kind]}`}
          >
            <span aria-hidden="true">{SYMBOL[d.outcome.kind]} </span>
            {confirmationText(d.outcome, lookup, now)}
          </p>
        ))}
        {fresh.length === 0 ? (
          <p className="px-1 py-3 text-lg text-slate-500">Решения появятся здесь.</p>
        ) : null}
      </div>
      <h2 className="mt-6 text-xl font-semibold text-slate-200">
        Решения за сеанс: <span data-testid="decision-count">{log.length}</span>
      </h2>
      <ol className="mt-2 flex flex-col gap-1.5 text-base text-slate-300" data-testid="decision-log">
        {older.map((d) => (
          <li key={`${d.outcome.id}-${d.at}`} className="leading-snug">
            <span className="tabular-nums text-slate-500">{formatTime(d.at)}</span>{' '}
            {confirmationText(d.outcome, lookup, now)}
          </li>
        ))}
      </ol>
    </section>
  );
}

const KEYS: readonly [string, string][] = [
  ['1 2 3', 'подсказка классификатора'],
  ['C', 'другая категория'],
  ['J / ↓', 'следующее обращение'],
  ['K / ↑', 'предыдущее'],
  ['S', 'спам'],
  ['N', 'не наша компетенция'],
  ['D', 'недостаточно данных'],
  ['Esc', 'закрыть выбор категории'],
];

/** The hotkeys, for the operator who has not learned them yet. */
export function HotkeyLegend() {
  return (
    <section aria-label="Клавиши" className="rounded-lg border border-slate-800 p-4">
      <h2 className="text-xl font-semibold text-slate-200">Клавиши</h2>
      <dl className="mt-2 grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-lg">
        {KEYS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt className="font-mono font-bold text-white">{key}</dt>
            <dd className="text-slate-300">{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
