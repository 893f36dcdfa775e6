'use client';

import { useEffect } from 'react';
import type { Playback } from '@/components/playback/use-playback';
import { formatShortTime } from '@/components/ui/format';
import { PLAYBACK_SPANS, SPAN_SPECS } from '@/lib/playback/types';
import { PlaybackTimeline } from './playback-timeline';
import { formatShortDate, speedLabel } from './playback-format';

/** `wall`: two rows over the bottom of the region map; `panel`: one row over the panel's ticker. */
export type PlaybackBarVariant = 'wall' | 'panel';

const TEXT = 'text-wall-xs';
const BUTTON = `${TEXT} cursor-pointer rounded-[0.5vh] border-[0.2vh] px-[0.55vw] py-[0.4vh] font-semibold whitespace-nowrap`;
const OFF = 'border-slate-500 bg-slate-900 text-slate-100 hover:border-replay';
const ON = 'border-replay bg-replay text-slate-950';

/*
 * The play/pause/again marks as inline SVG: ⏸ and friends are missing from many fonts (an empty box on the wall
 * PC), and a drawn shape needs none.
 */
function ToggleIcon({ mode }: { mode: 'pause' | 'play' | 'again' }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="inline-block h-[2.6vh] w-[2.6vh] fill-current align-middle"
      data-icon={mode}
    >
      {mode === 'pause' ? (
        <>
          <rect x="5" y="4" width="5" height="16" rx="1" />
          <rect x="14" y="4" width="5" height="16" rx="1" />
        </>
      ) : mode === 'play' ? (
        <path d="M7 4 L20 12 L7 20 Z" />
      ) : (
        <path d="M12 4a8 8 0 1 1-7.4 5H2l3.5-4 3.5 4H6.7A6 6 0 1 0 12 6z" />
      )}
    </svg>
  );
}

/** Space plays and pauses, Esc goes back to live; keys typed into a field are not ours. */
function usePlaybackKeys(playback: Playback) {
  const { replaying, toggle, exit } = playback;
  useEffect(() => {
    if (!replaying) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (e.key === ' ' || e.code === 'Space') {
        // A focused button would take the space as a click as well and toggle twice.
        e.preventDefault();
        toggle();
      } else if (e.key === 'Escape') {
        // Escape leaves the replay only: the drill-down's own Escape (back to the panel) checks this mark.
        e.preventDefault();
        exit();
      }
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' || e.code === 'Space') e.preventDefault();
    };
    // Capture phase: runs before any page's own key listeners on window, whichever was added first.
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [replaying, toggle, exit]);
}

function LiveLauncher({ playback }: { playback: Playback }) {
  return (
    <div
      data-testid="playback-bar"
      data-mode="live"
      className={`${TEXT} fixed bottom-[0.5vh] left-[1.4vw] z-40 flex cursor-default items-center gap-[0.5vw] text-slate-300 opacity-80`}
    >
      <span>Повтор:</span>
      {PLAYBACK_SPANS.map((span) => (
        <button
          key={span}
          type="button"
          data-testid={`playback-start-${span}`}
          className={`${BUTTON} ${OFF} !py-0`}
          onClick={() => playback.start(span)}
        >
          {SPAN_SPECS[span].label}
        </button>
      ))}
    </div>
  );
}

/**
 * The replay's controls: play/pause, 24 ч / 7 дней, the speeds, the clock in Moscow time, the timeline (click
 * or drag) and «Вернуться в эфир». The data attributes are what the e2e test reads.
 */
export function PlaybackBar({ playback, variant }: { playback: Playback; variant: PlaybackBarVariant }) {
  usePlaybackKeys(playback);
  const { state, data, counters, status } = playback;
  if (!state) return <LiveLauncher playback={playback} />;
  const at = counters?.at ?? state.clock;
  const atEnd = playback.bounds !== null && state.clock >= playback.bounds.to;
  const wall = variant === 'wall';

  const controls = (
    <>
      <button
        type="button"
        data-testid="playback-toggle"
        aria-label={state.playing ? 'Пауза' : 'Воспроизвести'}
        className={`${BUTTON} ${ON} min-w-[3.2vw] text-center`}
        onClick={playback.toggle}
      >
        <ToggleIcon mode={state.playing ? 'pause' : atEnd ? 'again' : 'play'} />
      </button>
      <div className="flex gap-[0.2vw]" role="group" aria-label="Период">
        {PLAYBACK_SPANS.map((span) => (
          <button
            key={span}
            type="button"
            data-testid={`playback-span-${span}`}
            aria-pressed={state.span === span}
            className={`${BUTTON} ${state.span === span ? ON : OFF}`}
            onClick={() => playback.setSpan(span)}
          >
            {SPAN_SPECS[span].label}
          </button>
        ))}
      </div>
      <div className="flex gap-[0.2vw]" role="group" aria-label="Скорость">
        {SPAN_SPECS[state.span].speeds.map((speed) => (
          <button
            key={speed}
            type="button"
            data-testid={`playback-speed-${speed}`}
            aria-pressed={state.speed === speed}
            className={`${BUTTON} ${state.speed === speed ? ON : OFF}`}
            onClick={() => playback.setSpeed(speed)}
          >
            {speedLabel(speed)}
          </button>
        ))}
      </div>
    </>
  );
  const clock = (
    <div className="shrink-0 leading-none" data-testid="playback-clock" data-at={new Date(at).toISOString()}>
      <div className="text-[5.2vh] font-bold text-replay tabular-nums">{formatShortTime(at)}</div>
      <div className={`${TEXT} mt-[0.3vh] whitespace-nowrap text-slate-200`}>{formatShortDate(at)} · МСК</div>
    </div>
  );
  const back = (
    <button
      type="button"
      data-testid="playback-exit"
      className={`${BUTTON} border-emerald-400 bg-emerald-950 text-emerald-200 hover:bg-emerald-900`}
      onClick={playback.exit}
    >
      Вернуться в эфир
    </button>
  );
  const timeline = data ? (
    <PlaybackTimeline data={data} clock={state.clock} onSeek={playback.seek} />
  ) : (
    <div className={`${TEXT} flex flex-1 items-center text-slate-300`}>
      {status === 'error' ? `Запись не загрузилась (${playback.error ?? 'ошибка'})` : 'Загрузка записи…'}
    </div>
  );

  return (
    <div
      // A clicked button would keep the focus and take the space bar as another click: the bar's keys are ours.
      onClickCapture={(e) => (e.target as HTMLElement).closest('button')?.blur()}
      data-testid="playback-bar"
      data-mode="replay"
      data-span={state.span}
      data-speed={state.speed}
      data-playing={state.playing}
      data-status={status}
      data-clock={new Date(at).toISOString()}
      className={`fixed z-40 flex cursor-default rounded-[0.8vh] border-[0.3vh] border-replay bg-slate-950 ${
        wall
          ? 'right-[25.6vw] bottom-[4.5vh] left-[26.6vw] h-[15vh] flex-col gap-[1vh] px-[0.9vw] py-[1vh]'
          : 'right-[1.4vw] bottom-[2.6vh] left-[1.4vw] h-[9.6vh] items-center gap-[0.9vw] px-[0.8vw]'
      }`}
    >
      {wall ? (
        <>
          <div className="flex items-center gap-[0.8vw]">
            {clock}
            <div className="flex flex-1 items-center justify-end gap-[0.45vw]">{controls}</div>
          </div>
          <div className="flex min-h-0 flex-1 items-stretch gap-[0.8vw]">
            {timeline}
            <div className="flex items-center">{back}</div>
          </div>
        </>
      ) : (
        <>
          <span className="shrink-0 rounded-[0.4vh] bg-replay px-[0.5vw] text-wall-s font-bold tracking-[0.1em] text-slate-950">
            ПОВТОР
          </span>
          {clock}
          {controls}
          <div className="flex h-[5.6vh] min-w-0 flex-1 items-stretch">{timeline}</div>
          {back}
        </>
      )}
    </div>
  );
}
