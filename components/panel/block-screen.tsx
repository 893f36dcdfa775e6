'use client';

import { useMemo } from 'react';
import type { WallSnapshot } from '@/lib/realtime/contract';
import type { BlockPanel } from '@/lib/panels/types';
import { useWallFeed } from '@/lib/realtime/client/use-wall-feed';
import { useBuildWatch } from '@/components/ui/use-build-watch';
import { useStaleness } from '@/components/ui/use-staleness';
import { categoryName, municipalityName, type WallNames } from '@/lib/reference/wall-names';
import { per10kScale } from '@/components/panel/panel-colors';
import { AttributionLine } from '@/components/ui/attribution-line';
import { faultOf, StaleBanner } from '@/components/ui/stale-banner';
import { PlaybackProvider } from '@/components/playback/playback-context';
import type { BlockDensity, BlockView } from './block-view';
import { BlockDeskLayout } from './block-desk-layout';
import { BlockWallLayout } from './block-wall-layout';

interface BlockScreenProps {
  block: string;
  title: string;
  initialSnapshot: WallSnapshot;
  initialPanel: BlockPanel;
  names: WallNames;
  buildId: string;
  staleAfterSeconds: number;
  density: BlockDensity;
  /** This screen chimes while an incident of the block is unanswered (the layout's `alarmSound`). */
  alarmSound?: boolean;
}

export function BlockScreen(props: BlockScreenProps) {
  const {
    block,
    title,
    initialSnapshot,
    initialPanel,
    names,
    buildId,
    staleAfterSeconds,
    density,
    alarmSound,
  } = props;
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
  const view: BlockView = {
    block,
    title,
    state,
    panel,
    now,
    connection,
    updatedAt,
    ageMs,
    stale,
    per10k,
    tense,
    categoryOf,
    municipalityOf,
    incidents: feed.incidents,
    alarmSound: alarmSound ?? false,
  };

  return (
    <PlaybackProvider scope={scope} variant="panel">
      <main
        className={`wall-root ${density === 'desk' ? 'panel-root' : 'block-root'}`}
        data-block={block}
        data-density={density}
        data-stale={stale || faultOf(connection, database) !== null}
      >
        {density === 'desk' ? <BlockDeskLayout view={view} /> : <BlockWallLayout view={view} />}
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
