'use client';

import { AlarmBanner } from '@/components/incidents/alarm-banner';
import { useReplaying } from '@/components/playback/replay-legend';
import { LiveOnly } from '@/components/playback/live-only';
import dynamic from 'next/dynamic';
import { useMemo, type ReactNode } from 'react';
import type { Layer } from '@deck.gl/core';
import type { WallSnapshot } from '@/lib/realtime/contract';
import type { DrillPayload } from '@/lib/drill/types';
import { useWallFeed } from '@/lib/realtime/client/use-wall-feed';
import { useBuildWatch } from '@/components/ui/use-build-watch';
import { useStaleness } from '@/components/ui/use-staleness';
import { useDrillPayload } from '@/components/drill/drill-payload';
import { categoryName, type WallNames } from '@/lib/reference/wall-names';
import { moscowDateKey } from '@/components/ui/format-panel';
import { AttributionLine } from '@/components/ui/attribution-line';
import { faultOf, StaleBanner } from '@/components/ui/stale-banner';
import { PanelStatus } from '@/components/panel/panel-header';
import { TopCategories } from '@/components/panel/top-categories';
import { WeekChart } from '@/components/panel/week-chart';
import { DrillTitle } from './drill-header';
import { DrillCounters } from './drill-counters';
import { DrillTrend } from './drill-trend';
import { DrillHourPattern } from './drill-hour-pattern';
import { DrillOverdue } from './drill-overdue';
import { DrillLatest } from './drill-latest';

// WebGL and MapLibre touch `window` on import: the map exists only in the browser.
const DrillMap = dynamic(() => import('./drill-map'), { ssr: false });

/**
 * List lengths that fit their boxes at every size (all sizes are in vh). Two overdue and two topics: with three
 * of each and long category names the newest complaints had no room for one whole item.
 */
const OVERDUE_ROWS = 2;
const TOP_ROWS = 2;
const LATEST_ROWS = 5;

export interface DrillScreenProps {
  oktmo: string;
  block: string | null;
  blockName: string | null;
  initialSnapshot: WallSnapshot;
  initialPayload: DrillPayload;
  names: WallNames;
  buildId: string;
  staleAfterSeconds: number;
  /** Time playback hooks in here: layers that replace the map's live data while set. */
  overrideLayers?: Layer[];
  /** Drawn over the bottom of the map (a playback control bar). */
  overlay?: ReactNode;
  /** Replaces the live counters while set (numbers following a replayed clock). */
  countersOverride?: ReactNode;
}

export function DrillScreen(props: DrillScreenProps) {
  const { oktmo, block, blockName, initialSnapshot, initialPayload, names, buildId, staleAfterSeconds } =
    props;
  const scope = useMemo(
    () => (block ? { block, municipality: oktmo } : { municipality: oktmo }),
    [block, oktmo],
  );
  const { state, connection, database, incidents } = useWallFeed(scope, initialSnapshot);
  const replaying = useReplaying();
  const { summary } = state;
  // Any move of the live numbers means the lists may have changed too: the payload is fetched again.
  const changeKey = `${summary.today}|${summary.open}|${summary.overdue}|${summary.resolvedToday}`;
  const { payload, receivedAt } = useDrillPayload(oktmo, block, initialPayload, changeKey);
  useBuildWatch(buildId);
  const updatedAt = Math.max(state.receivedAt, receivedAt);
  const { now, ageMs, stale } = useStaleness(updatedAt, staleAfterSeconds);
  const categoryOf = useMemo(() => (code: string) => categoryName(names, code), [names]);

  return (
    <main
      className="wall-root grid cursor-auto grid-rows-[15vh_minmax(0,1fr)] gap-y-[1.4vh] px-[1.4vw] pb-[3.4vh] pt-[1.6vh]"
      data-testid="drill-screen"
      data-drill-block={block ?? ''}
      data-oktmo={oktmo}
      data-stale={stale || faultOf(connection, database) !== null}
    >
      <div className="grid min-h-0 grid-cols-[18vw_minmax(0,1fr)_16vw] gap-x-[1.4vw]">
        <DrillTitle municipality={payload.municipality} block={block} blockName={blockName} />
        {props.countersOverride ?? <DrillCounters summary={summary} onTime={payload.onTime} />}
        <PanelStatus now={now} connection={connection} updatedAt={updatedAt} ageMs={ageMs} stale={stale} />
      </div>

      <div className="grid min-h-0 grid-cols-[44vw_minmax(0,1fr)_minmax(0,1fr)] gap-x-[1.4vw]">
        <div className="relative min-h-0">
          <DrillMap
            oktmo={oktmo}
            block={block}
            cells={payload.cells}
            asOf={payload.asOf}
            categoryName={categoryOf}
            overrideLayers={props.overrideLayers}
            overlay={props.overlay}
            incidents={incidents}
          />
          <AlarmBanner incidents={incidents} now={now} hidden={replaying} placement="map" />
        </div>
        {/* Counted from the live state: in a replay they give way to a note (replay everything or nothing). */}
        <div className="flex min-h-0 min-w-0 flex-col gap-[1.6vh]">
          <LiveOnly what="Динамика, неделя, часы" className="flex-1">
            <DrillTrend trend={payload.trend} />
            <WeekChart week={payload.week} todayKey={moscowDateKey(now)} />
            <DrillHourPattern pattern={payload.hourOfWeek} />
          </LiveOnly>
        </div>
        <div className="flex min-h-0 min-w-0 flex-col gap-[1.6vh]">
          <LiveOnly what="Просрочки, категории, новые обращения" className="flex-1">
            <DrillOverdue
              overdue={payload.overdue}
              now={now}
              categoryName={categoryOf}
              limit={OVERDUE_ROWS}
            />
            <TopCategories categories={payload.topCategories} categoryName={categoryOf} limit={TOP_ROWS} />
            <DrillLatest recent={state.recent} categoryName={categoryOf} limit={LATEST_ROWS} />
          </LiveOnly>
        </div>
      </div>

      <StaleBanner
        stale={stale}
        connection={connection}
        database={database}
        updatedAt={updatedAt}
        ageMs={ageMs}
      />
      <AttributionLine />
    </main>
  );
}
