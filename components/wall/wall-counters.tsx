import type { CSSProperties } from 'react';
import type { SummaryNumbers } from '@/lib/realtime/contract';
import { formatCount } from '@/lib/client/format';

interface CounterSpec {
  key: 'today' | 'lastHour' | 'open' | 'overdue';
  testId: string;
  label: string;
}

const COUNTERS: CounterSpec[] = [
  { key: 'today', testId: 'counter-today', label: 'Сегодня' },
  { key: 'lastHour', testId: 'counter-last-hour', label: 'За час' },
  { key: 'open', testId: 'counter-open', label: 'Открыто' },
  { key: 'overdue', testId: 'counter-overdue', label: 'Просрочено' },
];

export function WallCounters({ summary }: { summary: SummaryNumbers }) {
  const texts = COUNTERS.map((c) => formatCount(summary[c.key]));
  // All four share one size, shrunk only when the longest number would not fit the column (see globals.css).
  const chars = Math.max(3, ...texts.map((t) => t.length));
  return (
    <dl
      className="flex flex-1 flex-col justify-between gap-[2.2vh] pb-[4vh]"
      style={{ '--numeral-chars': chars } as CSSProperties}
    >
      {COUNTERS.map((c, i) => {
        const value = summary[c.key];
        // Overdue is the one number the room must act on: it alone is coloured, and marked by shape too.
        const alarm = c.key === 'overdue' && value > 0;
        return (
          <div
            key={c.key}
            data-testid={c.testId}
            data-value={value}
            className={`wall-counter ${alarm ? 'wall-counter--alarm' : ''}`}
          >
            <dt className="wall-counter__label">
              {alarm ? <span aria-hidden="true">▲ </span> : null}
              {c.label}
            </dt>
            <dd className="wall-numeral">{texts[i]}</dd>
          </div>
        );
      })}
    </dl>
  );
}
