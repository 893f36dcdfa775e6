'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { usePlayback, type Playback } from '@/components/playback/use-playback';
import type { PlaybackScope } from '@/lib/playback/types';
import { PlaybackBar, type PlaybackBarVariant } from './playback-bar';
import { PlaybackBanner } from './playback-banner';

const PlaybackContext = createContext<Playback | null>(null);

/** The replay of the screen it wraps, or null outside a PlaybackProvider (the screen is then always live). */
export function usePlaybackContext(): Playback | null {
  return useContext(PlaybackContext);
}

/**
 * Gives a screen a replay: its counters and map read `usePlaybackContext()`, the bar and the «ПОВТОР» marks
 * are drawn here. The children are whatever the screen already renders: its live feed keeps running inside.
 */
export function PlaybackProvider(props: {
  scope: PlaybackScope;
  variant: PlaybackBarVariant;
  children: ReactNode;
}) {
  const { variant, children } = props;
  const { block, municipality } = props.scope;
  const scope = useMemo(() => ({ block, municipality }), [block, municipality]);
  const playback = usePlayback(scope, { variant: variant === 'wall' ? 'wall' : 'panel' });
  return (
    <PlaybackContext.Provider value={playback}>
      {children}
      <PlaybackBanner playback={playback} variant={variant} />
      <PlaybackBar playback={playback} variant={variant} />
    </PlaybackContext.Provider>
  );
}
