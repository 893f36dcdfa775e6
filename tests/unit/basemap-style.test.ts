import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';

// MapLibre and the pmtiles protocol touch `window` on import; the style is plain data and needs neither.
vi.mock('maplibre-gl', () => ({ default: { addProtocol: vi.fn() } }));

const { offlineStyle, GEO_FILES } = await import('@/components/map/map-style');
type Geo = Parameters<typeof offlineStyle>[0];

function geo(vectorBasemap: string | null): Geo {
  const files = Object.fromEntries(
    Object.entries(GEO_FILES).map(([key, url]) => [
      key,
      JSON.parse(readFileSync(path.join(process.cwd(), 'public', url), 'utf8')) as FeatureCollection,
    ]),
  );
  return { ...(files as Omit<Geo, 'vectorBasemap'>), vectorBasemap };
}

describe('the base map style', () => {
  it('is a valid MapLibre style with roads, water, rivers, urban areas and towns under the borders', () => {
    const style = offlineStyle(geo(null));
    expect(validateStyleMin(style)).toEqual([]);
    const ids = style.layers.map((l) => l.id);
    for (const id of [
      'basemap-urban',
      'basemap-water',
      'basemap-rivers',
      'basemap-road-motorway',
      'basemap-town-labels',
    ])
      expect(ids).toContain(id);
    // Under the municipality borders, towns last (deck.gl data goes between, see basemap-towns.ts).
    expect(ids.indexOf('basemap-road-motorway')).toBeLessThan(ids.indexOf('municipality-lines'));
    expect(ids.slice(-2)).toEqual(['basemap-town-dots', 'basemap-town-labels']);
    // Construction stretches dashed, as the source asks.
    const dashed = style.layers.find((l) => l.id === 'basemap-road-motorway-construction');
    expect(dashed && 'paint' in dashed ? dashed.paint : {}).toHaveProperty('line-dasharray');
    expect(Object.keys(style.sources)).not.toContain('basemap-vector');
  });

  it('with a PMTiles archive, draws Protomaps dark layers from it instead of the GeoJSON roads', () => {
    const style = offlineStyle(geo('http://wall.local/api/v1/basemap'));
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['basemap-vector']).toMatchObject({
      type: 'vector',
      url: 'pmtiles://http://wall.local/api/v1/basemap',
    });
    const ids = style.layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['water', 'roads_highway', 'roads_minor', 'roads_rail']));
    expect(ids).not.toContain('basemap-road-motorway');
    // No sprite offline: the layers that need one are left out.
    expect(ids).not.toContain('pois');
    expect(ids).not.toContain('roads_shields');
    // Our towns stay; Protomaps' own place names would repeat them.
    expect(ids).toContain('basemap-town-labels');
    expect(ids).not.toContain('places_locality');
  });
});
