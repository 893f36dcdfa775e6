import type { RefObject } from 'react';

interface DeckMapFrameProps {
  /** From useDeckMap: where MapLibre draws. */
  containerRef: RefObject<HTMLDivElement | null>;
  ready: boolean;
  testId: string;
  /** What the map shows, for screen readers. */
  label: string;
  /** Counts the e2e tests compare with the data before trusting a screenshot (`data-cells`, …). */
  data: Record<`data-${string}`, number>;
}

/**
 * The box of a wall map. MapLibre's own CSS makes its container `position: relative`, so the sizing lives on a
 * wrapper; `data-ready` is what the e2e tests and screenshots wait for.
 */
export function DeckMapFrame({ containerRef, ready, testId, label, data }: DeckMapFrameProps) {
  return (
    <div
      className="absolute inset-0"
      data-testid={testId}
      {...data}
      data-ready={ready ? 'true' : 'false'}
      aria-label={label}
      role="img"
    >
      <div ref={containerRef} className="h-full w-full" />
    </div>
  );
}
