'use client';

/**
 * Clicking a municipality on a wall map opens its drill-down. The wall maps are not interactive (no pan or zoom
 * on an unattended screen), so the pointer is read from DOM events and unprojected here rather than through
 * MapLibre's or deck.gl's event handling.
 */
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import type maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { blockOfElement, drillHref } from '../ui/drill-links';
import { municipalityFinder } from './drill-hit';
import { exposeProbe } from './test-probes';

export function useMunicipalityClicks(
  map: maplibregl.Map | null,
  municipalities: FeatureCollection | null,
): void {
  const router = useRouter();
  useEffect(() => {
    if (!map || !municipalities) return;
    const container = map.getContainer();
    const find = municipalityFinder(municipalities);
    const oktmoAt = (event: MouseEvent) => {
      const rect = container.getBoundingClientRect();
      const { lng, lat } = map.unproject([event.clientX - rect.left, event.clientY - rect.top]);
      return find(lng, lat);
    };
    const onMove = (event: MouseEvent) => {
      container.style.cursor = oktmoAt(event) ? 'pointer' : '';
    };
    const onClick = (event: MouseEvent) => {
      const oktmo = oktmoAt(event);
      if (oktmo) router.push(drillHref(blockOfElement(container), oktmo));
    };
    const onLeave = () => (container.style.cursor = '');
    container.addEventListener('mousemove', onMove);
    container.addEventListener('click', onClick);
    container.addEventListener('mouseleave', onLeave);
    const centres = new Map(
      municipalities.features.map((f) => [
        String(f.properties?.oktmo ?? ''),
        [Number(f.properties?.center_lon), Number(f.properties?.center_lat)] as [number, number],
      ]),
    );
    const hideProbe = exposeProbe('__curMapProbe', () => ({
      centreOf: (oktmo) => {
        const centre = centres.get(oktmo);
        if (!centre) return null;
        const rect = container.getBoundingClientRect();
        const p = map.project(centre);
        return { x: rect.left + p.x, y: rect.top + p.y };
      },
    }));
    return () => {
      container.removeEventListener('mousemove', onMove);
      container.removeEventListener('click', onClick);
      container.removeEventListener('mouseleave', onLeave);
      hideProbe();
    };
  }, [map, municipalities, router]);
}
