import type { Change } from '@/components/briefing/format';

/** Which way is good: more complaints is bad news, a higher on-time share is good news. */
export type Goodness = 'up-is-bad' | 'up-is-good' | 'neutral';

const ARROW = { up: '▲', down: '▼', flat: '●', none: '' } as const;

/** «хуже» / «лучше» for a reader of the number, or nothing when the direction means neither. */
function meaningOf(change: Change, goodness: Goodness): 'хуже' | 'лучше' | undefined {
  if (change.direction !== 'up' && change.direction !== 'down') return undefined;
  if (goodness === 'neutral') return undefined;
  return (change.direction === 'up') === (goodness === 'up-is-good') ? 'лучше' : 'хуже';
}

/**
 * «▲ +15%», always in the neutral tone: red is a breach and amber a warning on every screen, and a change on
 * last week is neither, so its arrow and sign tell the direction (and the label says better or worse).
 */
export function ChangeBadge({
  change,
  goodness,
  testId,
}: {
  change: Change;
  goodness: Goodness;
  testId?: string;
}) {
  const meaning = meaningOf(change, goodness);
  return (
    <span
      data-testid={testId}
      data-direction={change.direction}
      data-meaning={meaning ?? ''}
      title={meaning}
      className="inline-flex items-baseline gap-[0.3em] font-bold whitespace-nowrap text-slate-200 tabular-nums"
    >
      {ARROW[change.direction] && (
        // Smaller than the figure, never under the 24 px a wall can be read at.
        <span className="text-[max(0.7em,24px)]">{ARROW[change.direction]}</span>
      )}
      {change.text}
    </span>
  );
}
