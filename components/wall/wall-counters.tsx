import type { SummaryNumbers } from '@/lib/realtime/contract';
import { formatCount } from '@/components/ui/format';
import { CounterList, type CounterSpec } from '../ui/counter-list';
import { usePlaybackContext } from '@/components/playback/playback-context';
import { PlaybackWallCounters } from '@/components/playback/playback-counters';

const COUNTERS: CounterSpec<'today' | 'lastHour' | 'open' | 'overdue'>[] = [
  { key: 'today', testId: 'counter-today', label: 'Сегодня' },
  { key: 'lastHour', testId: 'counter-last-hour', label: 'За час' },
  { key: 'open', testId: 'counter-open', label: 'Открыто' },
  { key: 'overdue', testId: 'counter-overdue', label: 'Просрочено' },
];

export function WallCounters({ summary }: { summary: SummaryNumbers }) {
  // During a replay the numbers follow its clock; the live ones come back with «Вернуться в эфир».
  const playback = usePlaybackContext();
  if (playback?.counters) return <PlaybackWallCounters counters={playback.counters} />;
  return (
    <CounterList
      variant="wall"
      className="flex flex-1 flex-col justify-between gap-[2.2vh] pb-[4vh]"
      counters={COUNTERS}
      values={summary}
      format={formatCount}
    />
  );
}
