'use client';

/**
 * A replay of the last 24 hours or 7 days for one scope: loads the payload (one request per span), runs the
 * clock, and gives the counters and the deck.gl layers at the clock. The live feed is not touched: it keeps
 * running beside the replay, so going back to live is instant. The state lives in the URL query too.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cellToLatLng } from 'h3-js';
import {
  advanceClock,
  clampClock,
  play as playFrom,
  speedFor,
  spanBounds,
  switchSpan,
  type ReplayBounds,
  type ReplayState,
} from '../../lib/playback/clock';
import { countersAt, indexCounters } from '../../lib/playback/counters';
import { mapFrameAt, type MapFrame } from '../../lib/playback/map-frame';
import type { PlaybackCounters, PlaybackData, PlaybackScope, PlaybackSpan } from '../../lib/playback/types';
import { parseReplayQuery, replayQuery } from '../../lib/playback/url-state';
import {
  playbackCellsOf,
  playbackLayers,
  type PlaybackCell,
  type PlaybackMapVariant,
} from './playback-layers';

/** The clock moves in steps of this much real time: smooth from 5 m, light on a wall PC. */
const TICK_MS = 100;
/** The address bar follows a running clock at most this often (browsers throttle replaceState). */
const URL_EVERY_MS = 1_000;
/** A payload older than this is fetched again when a replay starts (the live history has moved on). */
const STALE_AFTER_MS = 60_000;

export type PlaybackStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PlaybackOptions {
  /** deck.gl sizes: 1 at 1080 px (as useDeckMap's `scale`). */
  scale?: number;
  variant?: PlaybackMapVariant;
  /** Read and write `?replay=…` (off for a second player on the same page). */
  syncUrl?: boolean;
}

export interface Playback {
  scope: PlaybackScope;
  /** Null while live. */
  state: ReplayState | null;
  replaying: boolean;
  status: PlaybackStatus;
  error: string | null;
  data: PlaybackData | null;
  bounds: ReplayBounds | null;
  counters: PlaybackCounters | null;
  frame: MapFrame | null;
  cells: PlaybackCell[];
  /** The frame's layers at `options.scale`; empty while live or loading. */
  layers: ReturnType<typeof playbackLayers>;
  start: (span: PlaybackSpan, from?: Partial<Omit<ReplayState, 'span'>>) => void;
  exit: () => void;
  toggle: () => void;
  setSpan: (span: PlaybackSpan) => void;
  setSpeed: (speed: number) => void;
  setLoop: (loop: boolean) => void;
  seek: (clock: number) => void;
}

function playbackUrl(span: PlaybackSpan, scope: PlaybackScope): string {
  const q = new URLSearchParams({ span });
  if (scope.block) q.set('block', scope.block);
  if (scope.municipality) q.set('municipality', scope.municipality);
  return `/api/v1/playback?${q}`;
}

const centreOf = (h3: string): [number, number] => {
  const [lat, lon] = cellToLatLng(h3);
  return [lon, lat];
};

export function usePlayback(scope: PlaybackScope, options: PlaybackOptions = {}): Playback {
  const { scale = 1, variant = 'wall', syncUrl = true } = options;
  const { block, municipality } = scope;
  const [state, setState] = useState<ReplayState | null>(null);
  const [payloads, setPayloads] = useState<Partial<Record<PlaybackSpan, PlaybackData>>>({});
  const [status, setStatus] = useState<PlaybackStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const fetchedAt = useRef<Partial<Record<PlaybackSpan, number>>>({});

  const load = useCallback(
    (span: PlaybackSpan) => {
      const at = fetchedAt.current[span];
      if (at !== undefined && Date.now() - at < STALE_AFTER_MS) return;
      fetchedAt.current[span] = Date.now();
      setStatus('loading');
      fetch(playbackUrl(span, { block, municipality }), { cache: 'no-store' })
        .then(async (r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status}`);
          const data = (await r.json()) as PlaybackData;
          setPayloads((p) => ({ ...p, [span]: data }));
          setStatus('ready');
          setError(null);
        })
        .catch((e: unknown) => {
          delete fetchedAt.current[span];
          setStatus('error');
          setError(e instanceof Error ? e.message : String(e));
        });
    },
    [block, municipality],
  );

  const data = state ? (payloads[state.span] ?? null) : null;
  const bounds = useMemo<ReplayBounds | null>(
    () => (data ? { from: Date.parse(data.from), to: Date.parse(data.to) } : null),
    [data],
  );

  // A payload arriving pins the clock inside its range (a shared link may be older than the range).
  useEffect(() => {
    if (bounds) setState((s) => (s ? { ...s, clock: clampClock(s.clock, bounds) } : s));
  }, [bounds]);

  const start = useCallback(
    (span: PlaybackSpan, from: Partial<Omit<ReplayState, 'span'>> = {}) => {
      const guess = spanBounds(span, Date.now());
      setState({
        span,
        speed: speedFor(span, from.speed),
        playing: from.playing ?? true,
        clock: from.clock ?? guess.from,
        loop: from.loop ?? false,
      });
      load(span);
    },
    [load],
  );

  const exit = useCallback(() => setState(null), []);
  const toggle = useCallback(
    () => setState((s) => (!s ? s : s.playing ? { ...s, playing: false } : bounds ? playFrom(s, bounds) : s)),
    [bounds],
  );
  const setSpan = useCallback(
    (span: PlaybackSpan) => {
      setState((s) => (s ? switchSpan(s, span, spanBounds(span, Date.now())) : s));
      load(span);
    },
    [load],
  );
  const setSpeed = useCallback(
    (speed: number) => setState((s) => (s ? { ...s, speed: speedFor(s.span, speed) } : s)),
    [],
  );
  const setLoop = useCallback((loop: boolean) => setState((s) => (s ? { ...s, loop } : s)), []);
  const seek = useCallback(
    (clock: number) => setState((s) => (s ? { ...s, clock: bounds ? clampClock(clock, bounds) : clock } : s)),
    [bounds],
  );

  // The clock: real elapsed time × speed, in TICK_MS steps, only while a payload is there to play.
  const playing = Boolean(state?.playing && bounds);
  useEffect(() => {
    if (!playing || !bounds) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const dt = now - last;
      last = now;
      setState((s) => (s ? advanceClock(s, dt, bounds) : s));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, bounds]);

  // A link with ?replay=… opens the replay it names.
  useEffect(() => {
    if (!syncUrl) return;
    const request = parseReplayQuery(new URLSearchParams(window.location.search));
    if (request)
      start(request.span, {
        speed: request.speed,
        playing: request.playing,
        loop: request.loop,
        ...(request.clock !== null ? { clock: request.clock } : {}),
      });
  }, [syncUrl, start]);

  const urlWrittenAt = useRef(0);
  const lastUrlKey = useRef('');
  useEffect(() => {
    if (!syncUrl) return;
    // A paused clock is written on every move (a seek); a running one at most every URL_EVERY_MS.
    const key = state
      ? `${state.span}|${state.speed}|${state.playing}|${state.loop}|${state.playing ? '' : state.clock}`
      : 'live';
    const now = Date.now();
    if (key === lastUrlKey.current && now - urlWrittenAt.current < URL_EVERY_MS) return;
    lastUrlKey.current = key;
    urlWrittenAt.current = now;
    const query = replayQuery(new URLSearchParams(window.location.search), state).toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(window.history.state, '', url);
  }, [syncUrl, state]);

  const index = useMemo(() => (data ? indexCounters(data) : null), [data]);
  const cells = useMemo(() => (data ? playbackCellsOf(data.cells) : []), [data]);
  const clock = state?.clock ?? 0;
  const speed = state?.speed ?? 1;
  const counters = useMemo(() => (index ? countersAt(index, clock) : null), [index, clock]);
  const frame = useMemo(
    () => (data && bounds ? mapFrameAt(data, clampClock(clock, bounds), speed, centreOf) : null),
    [data, bounds, clock, speed],
  );
  const layers = useMemo(
    () => (frame ? playbackLayers(cells, frame, scale, variant) : []),
    [cells, frame, scale, variant],
  );

  return {
    scope,
    state,
    replaying: state !== null,
    status: state ? (data ? 'ready' : status === 'error' ? 'error' : 'loading') : 'idle',
    error,
    data,
    bounds,
    counters,
    frame,
    cells,
    layers,
    start,
    exit,
    toggle,
    setSpan,
    setSpeed,
    setLoop,
    seek,
  };
}
