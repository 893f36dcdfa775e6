import type { QualityPart } from '@/lib/panels/types';
import { formatCountRu, formatPercentRu } from '@/lib/i18n/format-ru';
import { DrillLink } from '@/components/ui/drill-link';

/** Below this many resolutions in the window a rate is too noisy to name a municipality by it. */
const MIN_RESOLVED_FOR_RATE = 30;
/** Punctuality below this is marked: the center's norm is about nine in ten on time. */
const ON_TIME_ALARM = 0.85;
const REOPEN_ALARM = 0.05;

interface ExecutorQualityProps {
  quality: QualityPart;
  municipalityName: (oktmo: string) => string;
  /** Executor rows that fit the column. */
  limit: number;
}

/** «91%», «3,8%»: one decimal only below 10%, as everywhere on the wall. */
function percent(share: number | null): string {
  return share === null ? '—' : formatPercentRu(share * 100);
}

function Rate({ value, alarm, testId }: { value: number | null; alarm: boolean; testId: string }) {
  if (value === null)
    return (
      <span className="text-right text-slate-500" data-testid={testId}>
        —
      </span>
    );
  return (
    <span
      data-testid={testId}
      data-value={value.toFixed(4)}
      className={`text-right tabular-nums ${alarm ? 'font-bold text-slate-50' : ''}`}
    >
      {alarm ? <span aria-hidden="true">▲ </span> : null}
      {percent(value)}
    </span>
  );
}

/**
 * «Быстро решаем»: who answers for the block, how much of it on time, how often residents reopen a fix, and
 * what each holds overdue right now. Marks are spelled with ▲ as well as colour.
 */
export function ExecutorQuality({ quality, municipalityName, limit }: ExecutorQualityProps) {
  const rows = quality.executors.slice(0, limit);
  const reopenLeaders = quality.municipalities
    .filter((m) => m.resolved >= MIN_RESOLVED_FOR_RATE && m.reopenRate !== null && m.reopenRate > 0)
    .sort((a, b) => b.reopenRate! - a.reopenRate!)
    .slice(0, 2);
  const lateLeaders = quality.municipalities
    .filter((m) => m.resolved >= MIN_RESOLVED_FOR_RATE && m.onTimeRate !== null)
    .sort((a, b) => a.onTimeRate! - b.onTimeRate!)
    .slice(0, 2);
  const { total } = quality;
  return (
    <section data-testid="executor-quality" data-rows={rows.length} className="flex flex-none flex-col">
      <h2 className="panel-heading">Исполнители · {quality.windowDays} дней</h2>
      {rows.length === 0 ? (
        <p className="panel-text text-slate-400">Нет обращений у исполнителей</p>
      ) : (
        <div className="panel-text flex flex-col gap-[0.35vh]">
          <div className="panel-quality-row panel-small text-slate-400" aria-hidden="true">
            <span />
            <span className="text-right">в срок</span>
            <span className="text-right">повторно</span>
            <span className="text-right">просроч.</span>
          </div>
          <div className="panel-quality-row font-semibold" data-testid="quality-total">
            <span className="panel-cond truncate">Весь блок</span>
            <span data-testid="quality-on-time" className="text-right tabular-nums">
              {percent(total.onTimeRate)}
            </span>
            <span data-testid="quality-reopen" className="text-right tabular-nums">
              {percent(total.reopenRate)}
            </span>
            <span />
          </div>
          <ol className="flex flex-col gap-[0.35vh]">
            {rows.map((e) => (
              <li key={e.code} data-testid="executor-row" data-code={e.code} className="panel-quality-row">
                <span className="panel-cond truncate">{e.name}</span>
                <Rate
                  testId="executor-on-time"
                  value={e.onTimeRate}
                  alarm={
                    e.onTimeRate !== null &&
                    e.resolved >= MIN_RESOLVED_FOR_RATE &&
                    e.onTimeRate < ON_TIME_ALARM
                  }
                />
                <Rate
                  testId="executor-reopen"
                  value={e.reopenRate}
                  alarm={
                    e.reopenRate !== null &&
                    e.resolved >= MIN_RESOLVED_FOR_RATE &&
                    e.reopenRate > REOPEN_ALARM
                  }
                />
                <span
                  data-testid="executor-overdue"
                  data-value={e.overdueNow}
                  className={`text-right tabular-nums ${e.overdueNow > 0 ? 'text-warning' : 'text-slate-400'}`}
                >
                  {formatCountRu(e.overdueNow)}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      {lateLeaders.length > 0 ? (
        <p
          className="panel-small panel-cond mt-[0.4vh] truncate text-slate-300"
          data-testid="on-time-laggards"
        >
          Реже всего в срок:{' '}
          {lateLeaders.map((m, i) => (
            <span key={m.oktmo} data-testid="on-time-laggard" data-value={m.onTimeRate!.toFixed(4)}>
              {i > 0 ? ' · ' : ''}
              <DrillLink oktmo={m.oktmo}>{municipalityName(m.oktmo)}</DrillLink>{' '}
              <strong className="tabular-nums text-slate-50">{percent(m.onTimeRate)}</strong>
            </span>
          ))}
        </p>
      ) : null}
      {reopenLeaders.length > 0 ? (
        <p className="panel-small panel-cond truncate text-slate-300" data-testid="reopen-leaders">
          Чаще возвращают на доработку:{' '}
          {reopenLeaders.map((m, i) => (
            <span key={m.oktmo}>
              {i > 0 ? ' · ' : ''}
              <DrillLink oktmo={m.oktmo}>{municipalityName(m.oktmo)}</DrillLink>{' '}
              <strong className="tabular-nums text-slate-50">{percent(m.reopenRate)}</strong>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
