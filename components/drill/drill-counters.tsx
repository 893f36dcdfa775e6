import type { SummaryNumbers } from '@/lib/realtime/contract';
import type { OnTimeShare } from '@/lib/drill/types';
import { formatCountRu, formatPercentRu } from '@/lib/i18n/format-ru';

interface Tile {
  testId: string;
  label: string;
  value: number | null;
  text: string;
  /** The same number a week ago, or the region's rate for the on-time share. */
  note: string;
  alarm: boolean;
}

const percent = (share: number | null) => (share === null ? '—' : formatPercentRu(share * 100));

/** Below this share resolved on time the tile is marked: the center's norm is about nine in ten. */
const ON_TIME_ALARM = 0.85;

function tilesOf(summary: SummaryNumbers, onTime: OnTimeShare): Tile[] {
  const ago = (n: number | null) =>
    n === null ? 'неделю назад: нет данных' : `неделю назад: ${formatCountRu(n)}`;
  return [
    {
      testId: 'counter-today',
      label: 'Сегодня',
      value: summary.today,
      text: formatCountRu(summary.today),
      note: ago(summary.weekAgo.today),
      alarm: false,
    },
    {
      testId: 'counter-open',
      label: 'Открыто',
      value: summary.open,
      text: formatCountRu(summary.open),
      note: ago(summary.weekAgo.open),
      alarm: false,
    },
    {
      testId: 'counter-overdue',
      label: 'Просрочено',
      value: summary.overdue,
      text: formatCountRu(summary.overdue),
      note: ago(summary.weekAgo.overdue),
      alarm: summary.overdue > 0,
    },
    {
      testId: 'counter-resolved-today',
      label: 'Решено сегодня',
      value: summary.resolvedToday,
      text: formatCountRu(summary.resolvedToday),
      note: ago(summary.weekAgo.resolvedToday),
      alarm: false,
    },
    {
      testId: 'counter-on-time',
      label: `В срок, ${onTime.windowDays} дней`,
      value: onTime.rate,
      text: percent(onTime.rate),
      note: `область ${percent(onTime.regionRate)}`,
      alarm: onTime.rate !== null && onTime.rate < ON_TIME_ALARM,
    },
  ];
}

/** The five numbers of the municipality: four live from the feed, the on-time share from the payload. */
export function DrillCounters({ summary, onTime }: { summary: SummaryNumbers; onTime: OnTimeShare }) {
  const tiles = tilesOf(summary, onTime);
  return (
    <dl data-testid="drill-counters" className="m-0 grid h-full grid-cols-5 gap-[0.8vw]">
      {tiles.map((t) => (
        <div
          key={t.testId}
          data-testid={t.testId}
          data-value={t.value ?? ''}
          // Only overdue takes a status colour (a warning); a low on-time share is marked by ▲ and stays neutral.
          className={`panel-counter ${t.alarm && t.testId === 'counter-overdue' ? 'wall-counter--warning' : ''}`}
        >
          <dt className="wall-counter__label panel-counter__label">
            {t.alarm ? <span aria-hidden="true">▲ </span> : null}
            {t.label}
          </dt>
          <dd className="panel-numeral m-0" style={{ fontSize: '6.4vh' }}>
            {t.text}
          </dd>
          <dd className="panel-small panel-cond m-0 mt-[0.4vh] whitespace-nowrap text-slate-400">{t.note}</dd>
        </div>
      ))}
    </dl>
  );
}
