import dynamic from 'next/dynamic';
import { moscowDateKey } from '@/components/ui/format-panel';
import { LiveOnly } from '@/components/playback/live-only';
import type { BlockView } from './block-view';
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

// WebGL and MapLibre touch `window` on import: the map exists only in the browser.
const BlockMap = dynamic(() => import('./block-map'), { ssr: false });

/** List lengths that fit their boxes; every size is in vh, so they hold on 1080p and 4K alike. */
/** One surge row: the left column also holds the map, its legend, the problems and the top topics. */
const TENSION_ROWS = 1;
/** One overdue row leaves the week chart its height beside the executors. */
const OVERDUE_ROWS = 1;
const TOP_ROWS = 2;
const EXECUTOR_ROWS = 3;

/**
 * A block at desk density (`?density=desk`): the full ranking of every municipality, the overdue list, the week,
 * the categories and the executors, for someone at a workstation. In a replay every list counted from the live
 * state gives way to a note (LiveOnly): only the counters and the map have a recorded history.
 */
export function BlockDeskLayout({ view }: { view: BlockView }) {
  const { title, state, panel, now, connection, updatedAt, ageMs, stale, per10k, tense } = view;
  const { categoryOf, municipalityOf } = view;
  return (
    <>
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
          <LiveOnly what="Проблемы, всплески, категории" className="flex-1">
            <ProblemsStrip problems={panel.problems} />
            <TensionList tension={panel.tension} municipalityName={municipalityOf} limit={TENSION_ROWS} />
            <TopCategories categories={panel.topCategories} categoryName={categoryOf} limit={TOP_ROWS} />
          </LiveOnly>
        </div>

        <LiveOnly what="Рейтинг округов">
          <TerritoryRanking
            territories={panel.territories}
            per10k={per10k}
            tense={tense}
            nameOf={municipalityOf}
          />
        </LiveOnly>

        <div className="panel-column">
          <LiveOnly what="Просрочки, неделя, исполнители" className="flex-1">
            <OverduePart
              overdue={panel.overdue}
              now={now}
              categoryName={categoryOf}
              municipalityName={municipalityOf}
              limit={OVERDUE_ROWS}
            />
            <div className="flex min-h-[18vh] flex-1 flex-col">
              <WeekChart week={panel.week} todayKey={moscowDateKey(now)} />
            </div>
            <ExecutorQuality
              quality={panel.quality}
              municipalityName={municipalityOf}
              limit={EXECUTOR_ROWS}
            />
          </LiveOnly>
        </div>
      </div>

      <div className="panel-bottom">
        <LiveOnly what="Новые обращения" className="h-full">
          <PanelTicker recent={state.recent} categoryName={categoryOf} municipalityName={municipalityOf} />
        </LiveOnly>
      </div>
    </>
  );
}
