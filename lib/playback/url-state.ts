import { speedFor, type ReplayState } from './clock';
import { PLAYBACK_SPANS, type PlaybackSpan } from './types';

/**
 * Query keys of a replay link: `?replay=24h&speed=300&t=<iso>&loop=1`. A link plays from its moment: it is sent
 * to show something happen, and a wall opened on a frozen frame looks broken. Only an explicit `play=0` (typed
 * by hand, never written by the screen) opens it paused.
 */
export const URL_KEYS = ['replay', 'speed', 't', 'play', 'loop'] as const;

/** What a link asks for; `clock` is null when the link names no (valid) time: the replay's start then. */
export interface ReplayRequest {
  span: PlaybackSpan;
  speed: number;
  clock: number | null;
  playing: boolean;
  loop: boolean;
}

export function parseReplayQuery(params: URLSearchParams): ReplayRequest | null {
  const span = params.get('replay');
  if (!PLAYBACK_SPANS.includes(span as PlaybackSpan)) return null;
  const s = span as PlaybackSpan;
  const t = Date.parse(params.get('t') ?? '');
  return {
    span: s,
    speed: speedFor(s, Number(params.get('speed')) || undefined),
    clock: Number.isFinite(t) ? t : null,
    playing: params.get('play') !== '0',
    loop: params.get('loop') === '1',
  };
}

/** The page's query with the replay's keys set (or removed when live), other keys kept. */
export function replayQuery(current: URLSearchParams, state: ReplayState | null): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of URL_KEYS) next.delete(key);
  if (!state) return next;
  next.set('replay', state.span);
  next.set('speed', String(state.speed));
  // Whole seconds: a shared link need not carry milliseconds.
  next.set('t', new Date(Math.floor(state.clock / 1000) * 1000).toISOString());
  if (state.loop) next.set('loop', '1');
  return next;
}
