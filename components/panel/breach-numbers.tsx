import type { CSSProperties } from 'react';
import type { OverduePart } from '@/lib/panels/types';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { usePlaybackContext } from '@/components/playback/playback-context';
import type { StatusTone } from '@/components/ui/status-colors';

interface Tile {
  testId: string;
  label: string;
  /** What the label means, under the number. */
  caption: string;
  /** Null: not known at this moment (a replay has no record of it). */
  value: number | null;
  tone: Exclude<StatusTone, 'neutral'>;
}

/**
 * The three numbers a block's screen leads with, the ones the room acts on: very late (past three times the
 * deadline: a breach, red), late and due within 24 hours (warnings, amber). A zero is shown neutral: nothing to act on.
 * In a replay very late and late follow its clock (the hourly backlog record); «due within 24 hours» was never
 * recorded, so it is hidden with a note rather than shown live inside the replay's frame.
 */
export function BreachNumbers({ overdue }: { overdue: OverduePart }) {
  const playback = usePlaybackContext();
  const replay = playback?.replaying ? playback.counters : null;
  const replaying = playback?.replaying ?? false;
  const veryLate = replaying ? (replay?.veryLate ?? null) : overdue.veryLate;
  const late = replaying
    ? replay && replay.overdue !== null && replay.veryLate !== null
      ? replay.overdue - replay.veryLate
      : null
    : overdue.late;
  const tiles: Tile[] = [
    {
      testId: 'breach-very-late',
      label: 'Очень поздно',
      caption: 'больше 3 сроков',
      value: veryLate,
      tone: 'breach',
    },
    { testId: 'breach-late', label: 'Поздно', caption: 'до 3 сроков', value: late, tone: 'warning' },
    {
      testId: 'breach-due-24h',
      label: 'Срок за 24 ч',
      caption: 'истекает за сутки',
      value: overdue.breachNext24h,
      tone: 'warning',
    },
  ];
  const chars = Math.max(3, ...tiles.map((t) => (t.value === null ? 1 : formatCountRu(t.value).length)));
  return (
    <section
      className="block-breach"
      data-testid="breach-numbers"
      aria-label="Нарушения сроков"
      style={{ '--numeral-chars': chars } as CSSProperties}
    >
      {tiles.map((t) => {
        const hidden = replaying && t.testId === 'breach-due-24h';
        const tone = t.value !== null && t.value > 0 ? t.tone : null;
        return (
          <div
            key={t.testId}
            data-testid={t.testId}
            data-value={hidden || t.value === null ? '' : t.value}
            data-tone={tone ?? 'neutral'}
            data-replay={replaying ? (hidden ? 'hidden' : 'minute') : undefined}
            className={`block-breach__tile ${tone ? `block-breach__tile--${tone}` : ''}`}
          >
            <div className="block-breach__label">{t.label}</div>
            {hidden ? (
              <div
                className="replay-hidden mt-[0.6vh] flex-1"
                data-testid="replay-hidden"
                data-what={t.label}
              >
                недоступно в повторе
              </div>
            ) : (
              <div className="block-breach__value">{t.value === null ? '—' : formatCountRu(t.value)}</div>
            )}
            <div className="wall-small text-slate-400">{t.caption}</div>
          </div>
        );
      })}
    </section>
  );
}
