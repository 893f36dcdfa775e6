'use client';

import { useCallback, useState } from 'react';
import { AttributionLine } from '@/components/ui/attribution-line';
import { ConnectionBadge } from '@/components/ui/connection-badge';
import { DataAge } from '@/components/ui/data-age';
import { MoscowClock } from '@/components/ui/moscow-clock';
import { StaleBanner } from '@/components/ui/stale-banner';
import { useStaleness } from '@/components/ui/use-staleness';
import type { RussiaMap } from '@/lib/federal/russia-map';
import type { FederalOverview } from '@/lib/federal/types';
import { FEDERAL_STALE_AFTER_SECONDS, useFederalFeed } from '@/components/federal/use-federal-feed';
import { FederalMapLegend } from './map-legend';
import { NetworkTotals } from './network-totals';
import { RegionCard } from './region-card';
import { RegionTable } from './region-table';
import { RussiaMapView } from './russia-map';

interface Props {
  initialOverview: FederalOverview;
  map: RussiaMap;
  capitals: Record<string, [number, number]>;
  initialRegion: string | null;
}

/**
 * The federal coordinator's screen: the network's totals, the map of regions and centers, the ranked table,
 * and the card of a clicked region. The selection lives in the URL (?region=RU-TA), so a view can be shared.
 */
export function FederalScreen({ initialOverview, map, capitals, initialRegion }: Props) {
  const [selected, setSelected] = useState<string | null>(initialRegion);
  const { overview, detail, connection, updatedAt } = useFederalFeed(initialOverview, selected);
  const { now, ageMs, stale } = useStaleness(updatedAt, FEDERAL_STALE_AFTER_SECONDS);

  const select = useCallback((code: string | null) => {
    setSelected((current) => {
      const next = code === current ? null : code;
      const url = new URL(window.location.href);
      if (next) url.searchParams.set('region', next);
      else url.searchParams.delete('region');
      window.history.replaceState(null, '', url);
      return next;
    });
  }, []);
  const row = selected ? overview.regions.find((r) => r.code === selected) : undefined;
  const cardOnLeft = selected !== null && (capitals[selected]?.[0] ?? 0) > map.width * 0.45;

  return (
    <main data-testid="federal-screen" data-stale={stale} className="wall-root" style={{ cursor: 'default' }}>
      {/* Three columns that never overlap: the totals get what the title and the clock leave, and their
          numbers shrink to fit it (network-totals.tsx) however large the day's counts grow. */}
      <header
        data-testid="federal-header"
        className="absolute inset-x-[2vw] top-[2.5vh] grid grid-cols-[auto_minmax(0,1fr)_auto] items-start gap-[2vw]"
      >
        <div>
          <h1 className="wall-title whitespace-nowrap text-[length:var(--t-l,3.6vh)]">Сеть ЦУР России</h1>
          <div className="wall-small mt-[0.5vh] flex flex-col gap-[0.3vh] text-slate-400">
            <ConnectionBadge state={connection} />
            <DataAge updatedAt={updatedAt} ageMs={ageMs} stale={stale} />
          </div>
        </div>
        <NetworkTotals totals={overview.totals} />
        <div data-testid="federal-clock">
          <MoscowClock />
        </div>
      </header>
      <section className="absolute bottom-[5vh] left-[1vw] top-[17vh] w-[51vw]">
        <RussiaMapView
          map={map}
          regions={overview.regions}
          capitals={capitals}
          selected={selected}
          onSelect={select}
        />
        <div className="absolute bottom-0 left-[1vw]">
          <FederalMapLegend liveMinutes={overview.liveWindowMinutes} />
        </div>
        {row ? (
          // The card sits on the side of the map away from the region, so the region stays in view.
          <div className={`absolute top-0 ${cardOnLeft ? 'left-0' : 'right-0'}`}>
            <RegionCard row={row} detail={detail} now={now} onClose={() => select(null)} />
          </div>
        ) : null}
      </section>
      <section className="absolute bottom-[5vh] right-[1.5vw] top-[17vh] flex w-[45vw] flex-col">
        <RegionTable regions={overview.regions} selected={selected} onSelect={select} />
      </section>
      <StaleBanner stale={stale} connection={connection} updatedAt={updatedAt} ageMs={ageMs} />
      <AttributionLine />
    </main>
  );
}
