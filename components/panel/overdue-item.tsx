import type { ReactNode } from 'react';
import type { OverdueSeverity } from '@/lib/panels/types';
import { formatDurationRu } from '@/lib/i18n/format-ru';

interface OverdueItemProps {
  testId: string;
  severity: OverdueSeverity;
  categoryName: string;
  dueAt: string;
  /** The screen's ticking clock: «просрочено на» grows between recounts. */
  now: number;
  /** The line under the category: who holds it (and where, on a block panel). */
  detail: ReactNode;
  detailClassName: string;
}

/** One overdue complaint in a list: its category, how long past due (▲▲ past 3× the deadline), who holds it. */
export function OverdueItem({
  testId,
  severity,
  categoryName,
  dueAt,
  now,
  detail,
  detailClassName,
}: OverdueItemProps) {
  const very = severity === 'very_late';
  return (
    <li
      data-testid={testId}
      data-severity={severity}
      className={`panel-overdue-item ${very ? 'panel-overdue-item--very' : ''}`}
    >
      <div className="flex items-baseline justify-between gap-[0.8vw]">
        <span className="panel-text panel-cond min-w-0 leading-[1.1] font-semibold">{categoryName}</span>
        <span
          className={`panel-text shrink-0 font-bold tabular-nums ${very ? 'text-breach' : 'text-warning'}`}
        >
          <span aria-hidden="true">{very ? '▲▲ ' : '▲ '}</span>
          {formatDurationRu(now - Date.parse(dueAt))}
        </span>
      </div>
      <div className={`panel-small panel-cond ${detailClassName}`}>{detail}</div>
    </li>
  );
}
