import type { SummaryNumbers, WeekAgoNumbers } from '@/lib/realtime/contract';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { describeChangeShort, type ChangeDirection } from '@/lib/stats/week-over-week';
import { CounterList, type CounterSpec as ListedCounter } from '@/components/ui/counter-list';
import { usePlaybackContext } from '@/components/playback/playback-context';
import { PlaybackPanelCounters } from '@/components/playback/playback-counters';

type CounterKey = keyof WeekAgoNumbers;

interface CounterSpec extends ListedCounter<CounterKey> {
  /** More complaints is worse; more resolved is better. */
  moreIs: 'worse' | 'better';
}

const COUNTERS: CounterSpec[] = [
  { key: 'today', testId: 'counter-today', label: 'Сегодня', moreIs: 'worse' },
  { key: 'lastHour', testId: 'counter-last-hour', label: 'За час', moreIs: 'worse' },
  { key: 'open', testId: 'counter-open', label: 'Открыто', moreIs: 'worse' },
  { key: 'overdue', testId: 'counter-overdue', label: 'Просрочено', moreIs: 'worse' },
  { key: 'resolvedToday', testId: 'counter-resolved-today', label: 'Решено сегодня', moreIs: 'better' },
];

const ARROWS: Record<ChangeDirection, string> = { up: '▲', down: '▼', flat: '=', none: '·' };

type Verdict = 'worse' | 'better' | 'same';

function verdictOf(direction: ChangeDirection, moreIs: 'worse' | 'better'): Verdict {
  if (direction === 'up') return moreIs;
  if (direction === 'down') return moreIs === 'worse' ? 'better' : 'worse';
  return 'same';
}

/**
 * The verdict is spelled out: the arrow alone says «more», not whether that is bad. It is never red or amber:
 * «worse than last week» is a direction, and those colours belong to breaches and warnings on every screen.
 */
const VERDICT_WORD: Record<Verdict, string> = { worse: 'хуже', better: 'лучше', same: 'как было' };

function Change({
  current,
  base,
  moreIs,
}: {
  current: number;
  base: number | null;
  moreIs: CounterSpec['moreIs'];
}) {
  if (base === null)
    return (
      <div className="panel-change text-slate-500" data-direction="none">
        нет данных
      </div>
    );
  const change = describeChangeShort(current, base);
  const verdict = verdictOf(change.direction, moreIs);
  return (
    <div
      className={`panel-change panel-change--${verdict}`}
      data-direction={change.direction}
      data-verdict={verdict}
    >
      <span aria-hidden="true">{ARROWS[change.direction]}</span> {change.text}
      {change.direction === 'none' ? null : (
        <span className="panel-change__word"> · {VERDICT_WORD[verdict]}</span>
      )}
    </div>
  );
}

export function PanelCounters({ summary }: { summary: SummaryNumbers }) {
  // During a replay the numbers follow its clock; the live ones come back with «Вернуться в эфир».
  const playback = usePlaybackContext();
  if (playback?.counters) return <PlaybackPanelCounters counters={playback.counters} />;
  // The last tile is wider: «Решено сегодня» is the longest label.
  return (
    <CounterList
      variant="panel"
      testId="panel-counters"
      className="grid h-full grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,1.2fr)] gap-[0.8vw]"
      counters={COUNTERS}
      values={summary}
      format={formatCountRu}
      weekAgoOf={(c) => summary.weekAgo[c.key] ?? ''}
      extraOf={(c, value) => (
        <dd className="m-0">
          <Change current={value} base={summary.weekAgo[c.key]} moreIs={c.moreIs} />
        </dd>
      )}
    />
  );
}
