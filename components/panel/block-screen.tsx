'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import type { WallSnapshot } from '@/lib/realtime/contract';
import type { BlockPanel } from '@/lib/panels/types';
import { useWallFeed } from '@/lib/realtime/client/use-wall-feed';
import { useBuildWatch } from '@/components/ui/use-build-watch';
import { useStaleness } from '@/components/ui/use-staleness';
import { categoryName, municipalityName, type WallNames } from '@/lib/reference/wall-names';
import { per10kScale } from '@/components/panel/panel-colors';
import { moscowDateKey } from '@/components/ui/format-panel';
import { AttributionLine } from '@/components/ui/attribution-line';
import { faultOf, StaleBanner } from '@/components/ui/stale-banner';
import { PanelStatus, PanelTitle } from './panel-header';
import { PanelCounters } from './panel-counters';
import { PanelMapLegend } from './panel-map-legend';
import { TensionList } from './tension-list';
import { TerritoryRanking } from './territory-ranking';
import { OverduePart } from './overdue-part';
import { WeekChart } from './week-chart';
import { TopCategories } from './top-categories';
import { ExecutorQuality } from './executor-quality';
import { ProblemsStrip } from './problems-strip';
import { PanelTicker } from './panel-ticker';
import { PlaybackProvider } from '@/components/playback/playback-context';

// WebGL and MapLibre touch `window` on import: the map exists only in the browser.
const BlockMap = dynamic(() => import('./block-map'), { ssr: false });

/** List lengths that fit their boxes; every size is in vh, so they hold on 1080p and 4K alike. */
const TENSION_ROWS = 2;
const OVERDUE_ROWS = 2;
const TOP_ROWS = 3;
const EXECUTOR_ROWS = 3;

interface BlockScreenProps {
  block: string;
  title: string;
  initialSnapshot: WallSnapshot;
  initialPanel: BlockPanel;
  names: WallNames;
  buildId: string;
  staleAfterSeconds: number;
}

export function BlockScreen(props: BlockScreenProps) {
  const { block, title, initialSnapshot, initialPanel, names, buildId, staleAfterSeconds } = props;
  const scope = useMemo(() => ({ block }), [block]);
  const feed = useWallFeed(scope, initialSnapshot, { initialPanel });
  const { state, connection, database, panelReceivedAt } = feed;
  // Given an initial panel the feed always holds one; the fallback only satisfies the type.
  const panel = feed.panel ?? initialPanel;
  useBuildWatch(buildId);
  // Deltas (with the 15-second heartbeat) and panel recounts both prove the server is alive and counting.
  const updatedAt = Math.max(state.receivedAt, panelReceivedAt);
  const { now, ageMs, stale } = useStaleness(updatedAt, staleAfterSeconds);

  const categoryOf = useMemo(() => (code: string) => categoryName(names, code), [names]);
  const municipalityOf = useMemo(() => (oktmo: string | null) => municipalityName(names, oktmo), [names]);
  const per10k = useMemo(() => per10kScale(panel.territories), [panel.territories]);
  const tense = useMemo(
    () => new Set(panel.tension.filter((t) => t.kind === 'municipality').map((t) => t.key)),
    [panel.tension],
  );

  return (
    <PlaybackProvider scope={scope} variant="panel">
      <main
        className="wall-root panel-root"
        data-block={block}
        data-stale={stale || faultOf(connection, database) !== null}
      >
        <div className="panel-top">
          <PanelTitle title={title} />
          <PanelCounters summary={state.summary} />
          <PanelStatus now={now} connection={connection} updatedAt={updatedAt} ageMs={ageMs} stale={stale} />
        </div>

        <div className="panel-main">
          <div className="panel-column">
            <div className="panel-map-box">
              <BlockMap
                cells={state.cells}
                cellsVersion={state.cellsVersion}
                heat={panel.heat}
                territories={panel.territories}
                per10k={per10k}
                tension={panel.tension}
                panelAsOf={panel.asOf}
                nameOf={municipalityOf}
              />
            </div>
            <PanelMapLegend per10k={per10k} />
            <ProblemsStrip problems={panel.problems} />
            <TensionList tension={panel.tension} municipalityName={municipalityOf} limit={TENSION_ROWS} />
            <TopCategories categories={panel.topCategories} categoryName={categoryOf} limit={TOP_ROWS} />
          </div>

          <TerritoryRanking
            territories={panel.territories}
            per10k={per10k}
            tense={tense}
            nameOf={municipalityOf}
          />

          <div className="panel-column">
            <OverduePart
              overdue={panel.overdue}
              now={now}
              categoryName={categoryOf}
              municipalityName={municipalityOf}
              limit={OVERDUE_ROWS}
            />
            <WeekChart week={panel.week} todayKey={moscowDateKey(now)} />
            <ExecutorQuality
              quality={panel.quality}
              municipalityName={municipalityOf}
              limit={EXECUTOR_ROWS}
            />
          </div>
        </div>

        <div className="panel-bottom">
          <PanelTicker recent={state.recent} categoryName={categoryOf} municipalityName={municipalityOf} />
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
    </PlaybackProvider>
  );
}
