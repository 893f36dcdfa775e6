'use client';

import { useEffect } from 'react';
import type maplibregl from 'maplibre-gl';
import type { Incident } from '@/lib/incidents/types';
import { exposeProbe } from '@/components/map/test-probes';

/** In a test build: where the map draws each incident's ring now, in page pixels. */
export function useIncidentProbe(map: maplibregl.Map | null, incidents: readonly Incident[] | null): void {
  useEffect(() => {
    if (!map) return;
    return exposeProbe('__curIncidentProbe', () => ({
      rings: () => {
        const box = map.getContainer().getBoundingClientRect();
        return (incidents ?? [])
          .filter((i) => i.lat !== null && i.lon !== null && i.status !== 'closed')
          .map((i) => {
            const point = map.project([i.lon!, i.lat!]);
            return {
              id: i.id,
              place: i.place,
              status: i.status,
              x: box.left + point.x,
              y: box.top + point.y,
            };
          });
      },
    }));
  }, [map, incidents]);
}
