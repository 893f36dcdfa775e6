import type { PlaybackCounters } from '@/lib/playback/types';
import { formatShortTime } from '@/components/ui/format';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { CounterList, type CounterSpec } from '@/components/ui/counter-list';

type Key = 'today' | 'lastHour' | 'open' | 'overdue' | 'resolvedToday';

/** An hour the backlog was not recorded is NaN: shown as a dash, never as a zero. */
const format = (n: number) => (Number.isNaN(n) ? '—' : formatCountRu(n));

function valuesOf(c: PlaybackCounters): Record<Key, number> {
  return {
    today: c.today,
    lastHour: c.lastHour,
    resolvedToday: c.resolvedToday,
    open: c.open ?? Number.NaN,
    overdue: c.overdue ?? Number.NaN,
  };
}

const isBacklog = (key: Key) => key === 'open' || key === 'overdue';

/** What moment a number is of: flows at the clock, the backlog at the start of its hour. */
function asOfLine(c: PlaybackCounters, key: Key, className: string) {
  return (
    <dd className={`m-0 text-replay ${className}`} data-testid={`playback-asof-${key}`}>
      {isBacklog(key) ? `на ${formatShortTime(c.backlogAt)}, повтор` : `на ${formatShortTime(c.at)}, повтор`}
    </dd>
  );
}

const WALL_COUNTERS: CounterSpec<Key>[] = [
  { key: 'today', testId: 'counter-today', label: 'Сегодня' },
  { key: 'lastHour', testId: 'counter-last-hour', label: 'За час' },
  { key: 'open', testId: 'counter-open', label: 'Открыто' },
  { key: 'overdue', testId: 'counter-overdue', label: 'Просрочено' },
];

/** The region wall's four counters at the replay's clock; resolved since midnight rides under «Сегодня». */
export function PlaybackWallCounters({ counters }: { counters: PlaybackCounters }) {
  return (
    <div
      className="flex min-h-0 flex-1 flex-col"
      data-testid="playback-counters"
      data-at={new Date(counters.at).toISOString()}
      data-resolved-today={counters.resolvedToday}
    >
      {/* No «Повтор» buttons under the column in a replay (the bar holds them): a small bottom reserve (the
          numerals' glyphs reach below their line box), smaller numerals, and resolved shares its line with the
          clock, so the four numbers and their notes fit 1080p. */}
      <CounterList
        variant="wall"
        className="wall-counters--replay flex flex-1 flex-col justify-between gap-[1vh] pb-[2vh]"
        counters={WALL_COUNTERS}
        values={valuesOf(counters)}
        format={format}
        extraOf={(c) =>
          c.key === 'today' ? (
            <dd className="wall-small m-0 text-slate-300">
              <span data-testid="wall-resolved-today" data-value={counters.resolvedToday}>
                решено {formatCountRu(counters.resolvedToday)}
              </span>{' '}
              <span className="text-replay" data-testid="playback-asof-today">
                · на {formatShortTime(counters.at)}, повтор
              </span>
            </dd>
          ) : c.key === 'open' ? (
            asOfLine(counters, c.key, 'wall-small')
          ) : null
        }
      />
    </div>
  );
}

const PANEL_COUNTERS: CounterSpec<Key>[] = [
  { key: 'today', testId: 'counter-today', label: 'Сегодня' },
  { key: 'lastHour', testId: 'counter-last-hour', label: 'За час' },
  { key: 'open', testId: 'counter-open', label: 'Открыто' },
  { key: 'overdue', testId: 'counter-overdue', label: 'Просрочено' },
  { key: 'resolvedToday', testId: 'counter-resolved-today', label: 'Решено сегодня' },
];

/** A block panel's five counters at the replay's clock, in the live counters' tiles. */
export function PlaybackPanelCounters({ counters }: { counters: PlaybackCounters }) {
  return (
    <div
      className="h-full"
      data-testid="playback-counters"
      data-at={new Date(counters.at).toISOString()}
      data-resolved-today={counters.resolvedToday}
    >
      <CounterList
        variant="panel"
        testId="panel-counters"
        className="grid h-full grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,1.2fr)] gap-[0.8vw]"
        counters={PANEL_COUNTERS}
        values={valuesOf(counters)}
        format={format}
        extraOf={(c) => asOfLine(counters, c.key, 'panel-change')}
      />
    </div>
  );
}
