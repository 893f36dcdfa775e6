import type { Briefing } from '@/lib/briefing/types';
import {
  RESOLUTIONS_OF,
  countWith,
  describeCountChange,
  describePointsChange,
  formatOneDecimal,
} from '@/components/briefing/format';
import { formatShare } from '@/lib/i18n/format-ru';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { SlideFrame, type SlideMeta } from './slide-frame';
import { StatTile } from './stat-tile';

const count = (n: number | null) => (n === null ? '—' : formatCountRu(n));
const before = (n: number | null) =>
  n === null ? 'неделю назад: нет записи' : `неделю назад ${formatCountRu(n)}`;

/** Slide 1: the title and the week in six numbers, each against the week before. */
export function SlideNumbers({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const h = b.headline;
  const perProblem = (received: number, touched: number) =>
    touched > 0 ? formatOneDecimal(received / touched) : '—';
  return (
    <SlideFrame
      meta={meta}
      id="numbers"
      title="Неделя в цифрах"
      subtitle={`Брифинг губернатора · сравнение с неделей ${b.previousWeek.label}`}
    >
      <div className="grid h-full grid-cols-3 grid-rows-2 gap-[28px]">
        <StatTile
          testId="stat-received"
          label="Поступило обращений"
          value={count(h.received.current)}
          change={describeCountChange(h.received.current, h.received.previous)}
          goodness="up-is-bad"
          before={before(h.received.previous)}
        />
        <StatTile
          testId="stat-new-problems"
          label="Новых проблем"
          value={count(h.newProblems.current)}
          change={describeCountChange(h.newProblems.current, h.newProblems.previous)}
          goodness="up-is-bad"
          before={before(h.newProblems.previous)}
          note={`${perProblem(h.received.current, h.problemsTouched.current)} обращения на проблему`}
        />
        <StatTile
          testId="stat-on-time"
          label="Решено в срок"
          value={formatShare(h.onTime.current.share)}
          change={describePointsChange(h.onTime.current.share, h.onTime.previous.share)}
          goodness="up-is-good"
          before={`неделю назад ${formatShare(h.onTime.previous.share)}`}
          note={`из ${countWith(h.onTime.current.resolved, RESOLUTIONS_OF)}`}
        />
        <StatTile
          testId="stat-overdue"
          label={b.week.complete ? 'Просрочено на конец недели' : 'Просрочено сейчас'}
          value={count(h.overdueAtEnd.current)}
          change={describeCountChange(h.overdueAtEnd.current, h.overdueAtEnd.previous)}
          goodness="up-is-bad"
          before={before(h.overdueAtEnd.previous)}
          note={
            h.openAtEnd.current === null ? undefined : `из ${formatCountRu(h.openAtEnd.current)} открытых`
          }
        />
        <StatTile
          testId="stat-reopened"
          label="Повторно открыто после решения"
          value={count(h.reopened.current)}
          change={describeCountChange(h.reopened.current, h.reopened.previous)}
          goodness="up-is-bad"
          before={before(h.reopened.previous)}
        />
        <StatTile
          testId="stat-resolved"
          label="Решено обращений"
          value={count(h.resolved.current)}
          change={describeCountChange(h.resolved.current, h.resolved.previous)}
          goodness="up-is-good"
          before={before(h.resolved.previous)}
        />
      </div>
    </SlideFrame>
  );
}
