'use client';

import { useMemo, type ComponentProps } from 'react';
import { PlaybackProvider, usePlaybackContext } from '@/components/playback/playback-context';
import { PlaybackPanelCounters } from '@/components/playback/playback-counters';
import { playbackLayers } from '@/components/playback/playback-layers';
import { DrillScreen } from './drill-screen';

type DrillReplayProps = Omit<
  ComponentProps<typeof DrillScreen>,
  'overrideLayers' | 'overlay' | 'countersOverride'
>;

/** deck.gl sizes are given for a 1080-pixel-high screen. */
function screenScale(): number {
  return typeof window === 'undefined' ? 1 : Math.max(1, window.innerHeight / 1080);
}

/** While a replay runs its frame replaces the map's live hexagons and points, and its counters the live ones. */
function DrillWithReplay(props: DrillReplayProps) {
  const playback = usePlaybackContext();
  const frame = playback?.replaying ? playback.frame : null;
  const cells = playback?.cells;
  const layers = useMemo(
    () => (frame && cells ? playbackLayers(cells, frame, screenScale(), 'panel') : undefined),
    [frame, cells],
  );
  const counters = playback?.replaying ? playback.counters : null;
  return (
    <DrillScreen
      {...props}
      overrideLayers={layers}
      countersOverride={counters ? <PlaybackPanelCounters counters={counters} /> : undefined}
    />
  );
}

/** The drill-down with time playback: the municipality's last 24 hours or 7 days, in its own scope. */
export function DrillReplay(props: DrillReplayProps) {
  const scope = useMemo(
    () => ({ block: props.block ?? undefined, municipality: props.oktmo }),
    [props.block, props.oktmo],
  );
  return (
    <PlaybackProvider scope={scope} variant="panel">
      <DrillWithReplay {...props} />
    </PlaybackProvider>
  );
}
