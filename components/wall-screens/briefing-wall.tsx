import { BriefingDeck } from '@/components/briefing/briefing-deck';
import { DEFAULT_AUTO_INTERVAL } from '@/components/briefing/deck-constants';
import { getBriefing } from '@/lib/briefing/get-briefing';
import { parseWeekParam } from '@/lib/briefing/week-param';
import { getApp } from '@/lib/server/app-registry';
import type { ScreenPanelOf } from '@/lib/wall/screen-registry';
import { RefreshEvery } from './refresh-every';

/** Often enough to pick up a new week within the hour of its start, rare enough to cost nothing. */
const REFRESH_MINUTES = 30;

/**
 * The governor's briefing, already in auto-advance and looping: a wall screen has no keyboard to press P on.
 * The week is the layout's, or the last complete one, which moves on as the server refreshes the screen.
 */
export async function BriefingWall({ panel }: { panel: ScreenPanelOf<'briefing'> }) {
  const { ctx } = getApp();
  const parsed = parseWeekParam({ week: panel.week }, ctx.now());
  if (!parsed.ok)
    // The layout's week is well-formed (checked at start) but not yet begun: say so until it has.
    return (
      <main
        data-testid="briefing-error"
        className="flex h-full flex-col items-center justify-center gap-[4vh] p-[6vw] text-center"
      >
        <RefreshEvery minutes={REFRESH_MINUTES} />
        <h1 className="text-[5vh] font-bold text-slate-100">Брифинг за неделю {panel.week} ещё не готов</h1>
        <p className="text-[3vh] text-slate-200">{parsed.errors.map((e) => e.message).join('; ')}</p>
      </main>
    );
  const briefing = await getBriefing(ctx, parsed.week);
  return (
    <>
      <RefreshEvery minutes={REFRESH_MINUTES} />
      <BriefingDeck
        key={briefing.week.id}
        briefing={briefing}
        initialSlide={0}
        initialAuto={panel.secondsPerSlide ?? DEFAULT_AUTO_INTERVAL}
        print={false}
      />
    </>
  );
}
