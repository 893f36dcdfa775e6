import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  featureContains,
  municipalityFeature,
  municipalityFinder,
} from '@/components/map/drill-hit';
import { backHref, blockOfElement, drillHref, formatAt, parseAt } from '@/components/ui/drill-links';

const municipalities = JSON.parse(
  readFileSync('public/geo/mo_municipalities_lite.geojson', 'utf8'),
) as FeatureCollection;
const find = municipalityFinder(municipalities);

describe('municipalityFinder', () => {
  it('finds the municipality holding each administrative centre', () => {
    let checked = 0;
    for (const f of municipalities.features) {
      const p = f.properties!;
      const at = find(Number(p.center_lon), Number(p.center_lat));
      // A centre may sit in an enclave of a neighbour; then the finder must name a real neighbour that holds it.
      if (at !== p.oktmo)
        expect(featureContains(municipalityFeature(municipalities, at!)!, p.center_lon, p.center_lat)).toBe(
          true,
        );
      else checked += 1;
    }
    expect(checked).toBeGreaterThan(50);
    expect(find(37.93828, 55.79639)).toBe('46704000000');
  });

  it('finds nothing in Moscow or outside the oblast', () => {
    expect(find(37.6173, 55.7558)).toBeNull();
    expect(find(30.31, 59.94)).toBeNull();
  });

  it('gives bounds that hold the feature', () => {
    const f = municipalityFeature(municipalities, '46728000000')!;
    const [w, s, e, n] = boundsOf(f);
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(Number(f.properties!.center_lon)).toBeGreaterThan(w);
    expect(Number(f.properties!.center_lat)).toBeLessThan(n);
  });
});

describe('drill links', () => {
  it('keeps the block or goes to all blocks', () => {
    expect(drillHref('housing', '46704000000')).toBe('/wall/housing/m/46704000000');
    expect(drillHref(null, '46704000000')).toBe('/m/46704000000');
    expect(backHref('housing')).toBe('/wall/housing');
    expect(backHref(null)).toBe('/wall');
  });

  it('reads the block of the screen an element is on', () => {
    const element = {
      closest: (selector: string) =>
        selector === '[data-block]'
          ? { getAttribute: (name: string) => (name === 'data-block' ? 'ecology' : null) }
          : null,
    } as unknown as Element;
    expect(blockOfElement(element)).toBe('ecology');
    expect(blockOfElement({ closest: () => null } as unknown as Element)).toBeNull();
    expect(blockOfElement(null)).toBeNull();
  });
});

describe('the map view in the URL', () => {
  it('round-trips a view and clamps the zoom', () => {
    const at = formatAt(38.123456, 56.3, 13.25);
    expect(at).toBe('38.12346,56.30000,13.25');
    expect(parseAt(`?at=${at}`)).toEqual({ center: [38.12346, 56.3], zoom: 13.25 });
    expect(parseAt('?at=38,56,30')!.zoom).toBe(17);
  });

  it('ignores a missing or broken view', () => {
    expect(parseAt('')).toBeNull();
    expect(parseAt('?at=38,56')).toBeNull();
    expect(parseAt('?at=a,b,c')).toBeNull();
    expect(parseAt('?at=200,56,10')).toBeNull();
  });
});
