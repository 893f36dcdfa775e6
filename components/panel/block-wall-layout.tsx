import dynamic from 'next/dynamic';
import { LiveOnly } from '@/components/playback/live-only';
import { useReplaying } from '@/components/playback/replay-legend';
import { formatDate, formatTime } from '@/components/ui/format';
import { ConnectionBadge } from '@/components/ui/connection-badge';
import { DataAge } from '@/components/ui/data-age';
import type { BlockView } from './block-view';
import { BreachNumbers } from './breach-numbers';
import { WorstMunicipalities } from './worst-municipalities';
import { PanelCounters } from './panel-counters';
import { PanelMapLegend } from './panel-map-legend';
import { PanelTicker } from './panel-ticker';
import { AttentionList } from '@/components/incidents/attention-list';
import { AlarmBanner } from '@/components/incidents/alarm-banner';
import { outsideIncidents } from '@/components/incidents/group-arrivals';

// WebGL and MapLibre touch `window` on import: the map exists only in the browser.
const BlockMap = dynamic(() => import('./block-map'), { ssr: false });

/** Incidents the right column holds under the breach numbers and the five worst, at 24 px and more. */
const BLOCK_ATTENTION_ROWS = 3;

/** Arrivals along the bottom strip: three side by side, category and place, no excerpt (read from 5 m). */
const WALL_TICKER_ITEMS = 3;

/**
 * A block for the room, read from 5 m: the three breach numbers first, the map with real room, the five worst
 * municipalities and the open incidents; the full ranking and the executors are at desk density
 * (`?density=desk`) and in the drill-down. Every text is at least 24 px at 1080p (globals.css --t-xs).
 */
export function BlockWallLayout({ view }: { view: BlockView }) {
  const { block, title, state, panel, now, connection, updatedAt, ageMs, stale, per10k } = view;
  const { categoryOf, municipalityOf } = view;
  const replaying = useReplaying();
  return (
    <>
      <header className="block-header" data-testid="panel-heading">
        <h1 className="wall-title min-w-0 truncate py-[0.3vh] leading-[1.25]" data-testid="panel-title">
          {title}
        </h1>
        <div className="flex shrink-0 items-center gap-[1.2vw] whitespace-nowrap" data-testid="panel-status">
          <span className="wall-small panel-cond flex flex-col items-end leading-tight">
            <ConnectionBadge state={connection} />
            {/* Live status: in a replay the bar's clock is the only clock on the screen. */}
            {replaying ? null : <DataAge updatedAt={updatedAt} ageMs={ageMs} stale={stale} />}
          </span>
          {replaying ? null : (
            <>
              <span className="wall-small text-slate-400">{formatDate(now)} · МСК</span>
              <span className="text-[5.4vh] leading-[1.2] font-bold tabular-nums" data-testid="moscow-clock">
                {formatTime(now)}
              </span>
            </>
          )}
        </div>
      </header>

      <div className="block-main">
        <div className="block-column">
          <div className="block-map-box">
            <BlockMap
              cells={state.cells}
              cellsVersion={state.cellsVersion}
              heat={panel.heat}
              territories={panel.territories}
              per10k={per10k}
              tension={panel.tension}
              panelAsOf={panel.asOf}
              nameOf={municipalityOf}
              incidents={replaying ? null : view.incidents}
            />
            <AlarmBanner
              incidents={view.incidents}
              now={now}
              sound={view.alarmSound}
              hidden={replaying}
              placement="map"
            />
          </div>
          <PanelMapLegend per10k={per10k} />
          <div className="h-[13.5vh] shrink-0">
            <PanelCounters summary={state.summary} />
          </div>
        </div>

        <div className="block-column">
          <BreachNumbers overdue={panel.overdue} />
          <LiveOnly what="Пять худших округов">
            <WorstMunicipalities territories={panel.territories} nameOf={municipalityOf} />
          </LiveOnly>
          <LiveOnly what="Открытые инциденты" className="flex-1">
            <div className="block-incidents" data-testid="block-incidents" data-block={block}>
              <AttentionList incidents={view.incidents} limit={BLOCK_ATTENTION_ROWS} now={now} fill />
            </div>
          </LiveOnly>
        </div>
      </div>

      <div className="panel-bottom">
        <LiveOnly what="Новые обращения" className="h-full">
          <PanelTicker
            recent={outsideIncidents(state.recent, view.incidents)}
            categoryName={categoryOf}
            municipalityName={municipalityOf}
            items={WALL_TICKER_ITEMS}
            excerpt={false}
          />
        </LiveOnly>
      </div>
    </>
  );
}
