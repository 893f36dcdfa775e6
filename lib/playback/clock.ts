import { DEFAULT_SPEED, SPAN_SPECS, type PlaybackSpan } from './types';

/** The replay's controls; `clock` is continuous (ms since the epoch), the counters floor it to the step. */
export interface ReplayState {
  span: PlaybackSpan;
  /** Playback milliseconds per real millisecond. */
  speed: number;
  playing: boolean;
  clock: number;
  /** At the end: start again from the beginning instead of stopping on the last frame. */
  loop: boolean;
}

export interface ReplayBounds {
  from: number;
  to: number;
}

/** A speed the span offers; anything else falls back to the span's default. */
export function speedFor(span: PlaybackSpan, speed: number | undefined): number {
  return speed !== undefined && SPAN_SPECS[span].speeds.includes(speed) ? speed : DEFAULT_SPEED[span];
}

export function clampClock(clock: number, bounds: ReplayBounds): number {
  return Math.min(bounds.to, Math.max(bounds.from, clock));
}

/**
 * Moves the clock by `realMs` of wall time at the replay's speed. At the end it stops on the last frame, or
 * starts over when looping.
 */
export function advanceClock(state: ReplayState, realMs: number, bounds: ReplayBounds): ReplayState {
  if (!state.playing || realMs <= 0) return state;
  const next = state.clock + realMs * state.speed;
  if (next < bounds.to) return { ...state, clock: Math.max(bounds.from, next) };
  if (state.loop) return { ...state, clock: bounds.from };
  return { ...state, clock: bounds.to, playing: false };
}

/** Play from where the clock stands; from the start when it stands at the end. */
export function play(state: ReplayState, bounds: ReplayBounds): ReplayState {
  const clock = state.clock >= bounds.to ? bounds.from : clampClock(state.clock, bounds);
  return { ...state, clock, playing: true };
}

/** The same moment in another span's range: kept when it lies inside, otherwise the new span's start. */
export function switchSpan(state: ReplayState, span: PlaybackSpan, bounds: ReplayBounds): ReplayState {
  const inside = state.clock >= bounds.from && state.clock <= bounds.to;
  return { ...state, span, speed: DEFAULT_SPEED[span], clock: inside ? state.clock : bounds.from };
}

/** The range a span covers ending at `now`, floored to its step (the server answers the same range). */
export function spanBounds(span: PlaybackSpan, now: number): ReplayBounds {
  const { stepMs, lengthMs } = SPAN_SPECS[span];
  const to = Math.floor(now / stepMs) * stepMs;
  return { from: to - lengthMs, to };
}
