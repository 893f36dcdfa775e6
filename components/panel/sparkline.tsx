import { line, scaleLinear } from 'd3';

/** Drawing units; the SVG stretches to its box and the strokes keep their width (non-scaling-stroke). */
const W = 100;
const H = 30;
const PAD = 4;

/**
 * Daily counts as a line, oldest first. The last day is today so far: it is a dot, not part of the line, so the
 * unfinished day never reads as a fall.
 */
export function Sparkline({ values, className }: { values: number[]; className?: string }) {
  const full = values.slice(0, -1);
  const today = values.at(-1);
  const max = Math.max(1, ...values);
  const x = scaleLinear([0, Math.max(1, values.length - 1)], [PAD, W - PAD]);
  const y = scaleLinear([0, max], [H - PAD, PAD]);
  const path = line<number>((_, i) => x(i), y)(full) ?? '';
  const dot = today === undefined ? null : `M${x(values.length - 1)},${y(today)}h0`;
  return (
    <svg
      data-testid="sparkline"
      data-points={values.length}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      className={className}
      aria-hidden="true"
    >
      <path d={path} fill="none" stroke="currentColor" strokeWidth={2} vectorEffect="non-scaling-stroke" />
      {/* A zero-length segment with round caps: a dot that stays round however the box is stretched. */}
      {dot ? (
        <path
          d={dot}
          stroke="currentColor"
          strokeWidth={6}
          strokeLinecap="round"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </svg>
  );
}
