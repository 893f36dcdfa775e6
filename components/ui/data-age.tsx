import { formatTime } from '@/components/ui/format';
import { formatAgeRu } from '@/components/ui/format-panel';

/** «обновлено 14:05:31 · 12 с назад»: the seconds tick, so a frozen screen shows itself. */
export function DataAge({ updatedAt, ageMs, stale }: { updatedAt: number; ageMs: number; stale: boolean }) {
  return (
    <span
      data-testid="data-age"
      data-age-seconds={Math.floor(ageMs / 1_000)}
      className={`whitespace-nowrap tabular-nums ${stale ? 'text-amber-300' : 'text-slate-400'}`}
    >
      {stale ? <span aria-hidden="true">▲ </span> : null}
      обновлено {formatTime(updatedAt)} · {formatAgeRu(ageMs)}
    </span>
  );
}
