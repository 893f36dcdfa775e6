'use client';

import type { ReactNode } from 'react';
import { usePlaybackContext } from './playback-context';

/**
 * Replay everything or nothing: a part of a screen that has no recorded history (a list counted from the live
 * state) shows while live and, during a replay, gives way to a note naming what is hidden. A live number inside
 * the «ПОВТОР» frame would read as the replayed minute's.
 */
export function LiveOnly({
  what,
  className = '',
  children,
}: {
  /** What is hidden, in the room's words: «Пять худших округов». */
  what: string;
  className?: string;
  children: ReactNode;
}) {
  const playback = usePlaybackContext();
  if (!playback?.replaying) return children;
  return (
    <div className={`replay-hidden ${className}`} data-testid="replay-hidden" data-what={what}>
      {what}: недоступно в повторе
    </div>
  );
}
