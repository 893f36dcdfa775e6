import type { Change } from '@/components/briefing/format';

/** Which way is good: more complaints is bad news, a higher on-time share is good news. */
export type Goodness = 'up-is-bad' | 'up-is-good' | 'neutral';

const ARROW = { up: '▲', down: '▼', flat: '●', none: '' } as const;

function toneOf(change: Change, goodness: Goodness): string {
  if (change.direction === 'none' || change.direction === 'flat' || goodness === 'neutral')
    return 'text-slate-300';
  const good = (change.direction === 'up') === (goodness === 'up-is-good');
  return good ? 'text-emerald-400' : 'text-rose-400';
}

/** «▲ +15%» in red or green by what the change means; sized by the parent's font size. */
export function ChangeBadge({
  change,
  goodness,
  testId,
}: {
  change: Change;
  goodness: Goodness;
  testId?: string;
}) {
  return (
    <span
      data-testid={testId}
      data-direction={change.direction}
      className={`inline-flex items-baseline gap-[0.3em] whitespace-nowrap font-bold tabular-nums ${toneOf(change, goodness)}`}
    >
      {ARROW[change.direction] && <span className="text-[0.7em]">{ARROW[change.direction]}</span>}
      {change.text}
    </span>
  );
}
