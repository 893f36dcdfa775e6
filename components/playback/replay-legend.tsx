'use client';

import { usePlaybackContext } from './playback-context';
import { trailLabel } from './playback-format';

/**
 * A map's legend during a replay: the replay draws its own marks (violet dots, a glow of the last hours), never
 * the live layers, so the live legend's colours and numbers would describe nothing on the map. Null while live.
 */
export function ReplayLegend({ className = 'wall-small text-slate-300' }: { className?: string }) {
  const span = usePlaybackContext()?.state?.span;
  if (!span) return null;
  return (
    <section className={className} aria-label="Легенда карты" data-testid="map-legend" data-replay="legend">
      <div>
        <span className="text-replay">●</span> обращение в повторе
      </div>
      <div>свечение — поступившие {trailLabel(span)} до минуты повтора</div>
    </section>
  );
}

/** True while the screen it is in replays: live-only status (the wall clock, the data's age) steps aside. */
export function useReplaying(): boolean {
  return usePlaybackContext()?.replaying ?? false;
}
