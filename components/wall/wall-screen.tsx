'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import type { WallScope, WallSnapshot } from '@/lib/realtime/contract';
import { useWallFeed } from '@/lib/realtime/client/use-wall-feed';
import { useBuildWatch } from '@/components/ui/use-build-watch';
import { maxOpenOf } from '@/components/map/wall-layers';
import { useStaleness } from '@/components/ui/use-staleness';
import type { WallNames } from '@/lib/reference/wall-names';
import { WallCounters } from './wall-counters';
import { ConnectionBadge } from '../ui/connection-badge';
import { MoscowClock } from '../ui/moscow-clock';
import { AlarmBanner } from '../incidents/alarm-banner';
import { AttentionList } from '../incidents/attention-list';
import { IncidentLegend } from '../incidents/incident-legend';
import { IncidentTicker } from '../incidents/incident-ticker';
import { MapLegend } from './map-legend';
import { LiveOnly } from '../playback/live-only';
import { useReplaying } from '../playback/replay-legend';
import { AttributionLine } from '../ui/attribution-line';
import { DataAge } from '../ui/data-age';
import { faultOf, StaleBanner } from '../ui/stale-banner';

// WebGL and MapLibre touch `window` on import: the map exists only in the browser.
const RegionMap = dynamic(() => import('./region-map'), { ssr: false });

interface WallScreenProps {
  title: string;
  subtitle: string;
  scope: WallScope;
  initialSnapshot: WallSnapshot;
  names: WallNames;
  buildId: string;
  /** No delta or heartbeat for this long and the screen says its data is old (lib/wall/wall-config.ts). */
  staleAfterSeconds: number;
  /** This screen chimes while an incident is unanswered (the layout's `alarmSound`). */
  alarmSound?: boolean;
}

/**
 * What fits the right column at 24 px and more, whatever the names: one incident (the alarm band names the
 * newest, «и ещё N» counts the rest), then the arrivals not in it. Two long headlines pushed the legend off 1080p.
 */
const ATTENTION_ROWS = 1;
/** Grouped rows asked for; those that do not fit the column whole are not shown. */
const TICKER_ROWS = 4;

export function WallScreen(props: WallScreenProps) {
  const { title, subtitle, scope, initialSnapshot, names, buildId, staleAfterSeconds, alarmSound } = props;
  const { state, connection, database, incidents } = useWallFeed(scope, initialSnapshot);
  useBuildWatch(buildId);
  const maxOpen = useMemo(() => maxOpenOf(state.cells), [state.cells]);
  const { now, ageMs, stale } = useStaleness(state.receivedAt, staleAfterSeconds);
  const replaying = useReplaying();

  return (
    <main className="wall-root" data-stale={stale || faultOf(connection, database) !== null}>
      <RegionMap
        cells={state.cells}
        cellsVersion={state.cellsVersion}
        arrivals={state.arrivals}
        incidents={replaying ? null : incidents}
      />
      <AlarmBanner incidents={incidents} now={now} sound={alarmSound} hidden={replaying} placement="region" />

      <aside className="wall-panel wall-panel--left">
        <header className="mb-[4vh]">
          <h1 className="wall-title">{title}</h1>
          <p className="wall-body mt-[0.8vh] text-slate-400">{subtitle}</p>
        </header>
        <WallCounters summary={state.summary} />
      </aside>

      <aside className="wall-panel wall-panel--right">
        {/* In a replay the bar's clock is the only clock on the screen; the link state stays. */}
        {replaying ? null : <MoscowClock />}
        <div className="wall-small mt-[2vh] mb-[3.5vh] flex flex-col items-end gap-[0.5vh]">
          <ConnectionBadge state={connection} databaseDown={database.down} />
          {replaying ? null : <DataAge updatedAt={state.receivedAt} ageMs={ageMs} stale={stale} />}
        </div>
        {/* Live lists have no place in a replay's minute: hidden with a note rather than mixed in. */}
        <LiveOnly what="Инциденты">
          <AttentionList incidents={incidents} limit={ATTENTION_ROWS} now={now} compact />
        </LiveOnly>
        <div className="mt-[2.5vh] flex min-h-0 flex-1 flex-col">
          <LiveOnly what="Новые обращения">
            <IncidentTicker
              recent={state.recent}
              incidents={incidents}
              names={names}
              rows={TICKER_ROWS}
              now={now}
            />
          </LiveOnly>
        </div>
        <div className="wall-small shrink-0 pt-[2vh] text-slate-300">
          <MapLegend maxOpen={maxOpen} />
          {replaying ? null : <IncidentLegend />}
        </div>
      </aside>

      {/* Short drops show only in the badge; a long one or old data must be obvious from across the room. */}
      <StaleBanner
        stale={stale}
        connection={connection}
        database={database}
        updatedAt={state.receivedAt}
        ageMs={ageMs}
      />

      <AttributionLine />
    </main>
  );
}
