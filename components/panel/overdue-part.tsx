import type { OverduePart as OverdueData } from '@/lib/panels/types';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { DrillLink } from '@/components/ui/drill-link';
import { OverdueItem } from './overdue-item';

interface OverduePartProps {
  overdue: OverdueData;
  /** The screen's ticking clock: the durations grow while the list waits for its next recount. */
  now: number;
  categoryName: (code: string) => string;
  municipalityName: (oktmo: string | null) => string;
  /** How many of the oldest fit the column. */
  limit: number;
}

function Stat(props: { testId: string; value: number; label: string; alarm?: boolean }) {
  const { testId, value, label, alarm = false } = props;
  return (
    <div
      data-testid={testId}
      data-value={value}
      className={`panel-stat ${alarm && value > 0 ? 'panel-stat--alarm' : ''}`}
    >
      <div className="panel-stat__value tabular-nums">
        {alarm && value > 0 ? (
          <span aria-hidden="true" className="panel-stat__mark">
            ▲
          </span>
        ) : null}
        {formatCountRu(value)}
      </div>
      <div className="panel-stat__label">{label}</div>
    </div>
  );
}

export function OverduePart({ overdue, now, categoryName, municipalityName, limit }: OverduePartProps) {
  const items = overdue.oldest.slice(0, limit);
  return (
    <section
      data-testid="overdue-part"
      className="flex flex-none flex-col"
      aria-label="Просроченные обращения"
    >
      <h2 className="panel-heading">
        Просрочен ответ · всего{' '}
        <span className="tabular-nums">{formatCountRu(overdue.late + overdue.veryLate)}</span>
      </h2>
      {/* The two SLA states are disjoint: late is past the due time, very late past 3× the deadline. */}
      <div className="grid grid-cols-2 gap-x-[1vw]">
        <Stat testId="overdue-late" value={overdue.late} label="до 3× срока" alarm />
        <Stat testId="overdue-very-late" value={overdue.veryLate} label="больше 3× срока" alarm />
      </div>
      <p
        className="panel-text mt-[0.6vh] text-slate-300"
        data-testid="overdue-next24h"
        data-value={overdue.breachNext24h}
      >
        истекает в ближайшие 24 ч:{' '}
        <strong className="tabular-nums text-slate-50">{formatCountRu(overdue.breachNext24h)}</strong>
      </p>
      {items.length === 0 ? (
        <p className="panel-text mt-[1vh] text-slate-400">Просроченных обращений нет</p>
      ) : (
        <ol className="mt-[0.8vh] flex flex-col gap-[0.7vh]">
          {items.map((item) => (
            <OverdueItem
              key={item.id}
              testId="overdue-item"
              severity={item.severity}
              categoryName={categoryName(item.category)}
              dueAt={item.dueAt}
              now={now}
              detail={
                <>
                  <DrillLink oktmo={item.municipality}>{municipalityName(item.municipality)}</DrillLink> ·{' '}
                  {item.executor}
                </>
              }
              detailClassName="text-slate-400"
            />
          ))}
        </ol>
      )}
    </section>
  );
}
