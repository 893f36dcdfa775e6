import type { Playback } from '@/components/playback/use-playback';
import { replayMomentLabel } from './playback-format';
import type { PlaybackBarVariant } from './playback-bar';

/**
 * While a replay runs the screen must not pass for live: a violet frame (the replay's own colour, no status) round the whole screen and, on the
 * region wall, a banner across the top naming the moment shown.
 */
export function PlaybackBanner({ playback, variant }: { playback: Playback; variant: PlaybackBarVariant }) {
  if (!playback.replaying) return null;
  const at = playback.counters?.at ?? playback.state?.clock ?? 0;
  return (
    <>
      <div
        aria-hidden="true"
        className="pointer-events-none fixed inset-0 z-40 border-[0.7vh] border-replay-strong"
        data-testid="playback-frame"
      />
      {variant === 'wall' ? (
        <div
          role="status"
          data-testid="playback-banner"
          className="fixed top-[2.5vh] left-1/2 z-40 -translate-x-1/2 rounded-[0.6vh] bg-replay px-[2vw] py-[0.9vh] text-center leading-tight font-bold whitespace-nowrap text-slate-950 shadow-[0_0_3vh_rgb(196_181_253/0.45)]"
        >
          <div className="text-wall-l tracking-[0.12em]">ПОВТОР · НЕ ПРЯМОЙ ЭФИР</div>
          <div className="text-wall-s font-semibold">
            {playback.status === 'ready' ? `всё на экране — на ${replayMomentLabel(at)}` : 'загрузка записи…'}
          </div>
        </div>
      ) : null}
    </>
  );
}
