import type { MunicipalityOverdue } from '@/lib/drill/types';
import { OverdueItem } from '@/components/panel/overdue-item';
import { formatCountRu } from '@/lib/i18n/format-ru';

interface DrillOverdueProps {
  overdue: MunicipalityOverdue;
  /** The screen's ticking clock: durations grow between recounts. */
  now: number;
  categoryName: (code: string) => string;
  /** Rows of the oldest that fit the column. */
  limit: number;
}

/** The municipality's overdue answers: how many, who holds them, and the longest overdue with their executors. */
export function DrillOverdue({ overdue, now, categoryName, limit }: DrillOverdueProps) {
  const total = overdue.late + overdue.veryLate;
  const items = overdue.oldest.slice(0, limit);
  return (
    <section
      data-testid="drill-overdue"
      data-late={overdue.late}
      data-very-late={overdue.veryLate}
      data-items={items.length}
      className="flex min-h-0 flex-col"
      aria-label="Просроченные обращения"
    >
      <h2 className="panel-heading">
        Просрочен ответ ·{' '}
        <span className={`tabular-nums ${total > 0 ? 'text-warning' : ''}`}>{formatCountRu(total)}</span>
        <span className="panel-small normal-case tracking-normal text-slate-400">
          {' '}
          (больше 3× срока: {formatCountRu(overdue.veryLate)} · истекает за 24 ч:{' '}
          {formatCountRu(overdue.breachNext24h)})
        </span>
      </h2>
      {overdue.executors.length > 0 ? (
        <ul
          className="panel-small panel-cond mb-[0.8vh] flex flex-wrap gap-x-[1vw] gap-y-[0.3vh]"
          data-testid="drill-overdue-executors"
        >
          {overdue.executors.map((e) => (
            <li
              key={e.code}
              data-testid="overdue-executor"
              data-code={e.code}
              data-count={e.late + e.veryLate}
            >
              <span className="text-slate-200">{e.name}</span>{' '}
              <strong className="tabular-nums text-warning">{formatCountRu(e.late + e.veryLate)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length === 0 ? (
        <p className="panel-text text-slate-400">Просроченных обращений нет</p>
      ) : (
        <ol className="flex min-h-0 flex-col gap-[0.6vh] overflow-hidden">
          {items.map((item) => (
            <OverdueItem
              key={item.id}
              testId="drill-overdue-item"
              severity={item.severity}
              categoryName={categoryName(item.category)}
              dueAt={item.dueAt}
              now={now}
              detail={item.executor}
              detailClassName="text-slate-300"
            />
          ))}
        </ol>
      )}
    </section>
  );
}
