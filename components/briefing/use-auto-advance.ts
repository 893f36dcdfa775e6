'use client';

import { useEffect, useRef, useState } from 'react';

const TICK_MS = 250;

/**
 * A countdown that calls `onElapsed` every `seconds` while running; `restartKey` (the slide shown) restarts it,
 * so a manual step gives the new slide its full time. Returns the seconds left for the visible timer.
 */
export function useAutoAdvance(
  running: boolean,
  seconds: number,
  restartKey: unknown,
  onElapsed: () => void,
) {
  const [left, setLeft] = useState(seconds);
  const callback = useRef(onElapsed);
  useEffect(() => {
    callback.current = onElapsed;
  }, [onElapsed]);
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds * 1000 - (Date.now() - started));
      setLeft(remaining / 1000);
      if (remaining <= 0) {
        clearInterval(timer);
        callback.current();
      }
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      setLeft(seconds);
    };
  }, [running, seconds, restartKey]);
  return running ? left : seconds;
}
