import { describe, expect, it } from 'vitest';
import { checkRegion } from '@/lib/federal/check-region';
import { rankRegions } from '@/components/federal/format-federal';
import { formatShare } from '@/lib/i18n/format-ru';
import { HOME_REGION } from '@/lib/domain/home-region';
import { parseRegionCode } from '@/lib/federal/parse-region-code';
import { NO_DATA_COLOR, OVERDUE_BINS, overdueColor } from '@/components/federal/rate-scale';
import { regionDirectory } from '@/lib/federal/region-directory';
import { russiaMap, projectPoints, MAP_HEIGHT, MAP_WIDTH } from '@/lib/federal/russia-map';
import type { FederalRegionRow } from '@/lib/federal/types';
import { moscowDate } from '@/lib/domain/moscow-time';

describe('region directory', () => {
  const directory = regionDirectory();

  it('holds the 85 regions, each with a capital inside it', () => {
    expect(directory.regions.size).toBe(85);
    expect(directory.has(HOME_REGION)).toBe(true);
    expect(directory.regions.get('RU-MOS')!.capital.name).toBe('Красногорск');
    expect(directory.regions.get('UA-43')!.capital.name).toBe('Симферополь');
    expect(directory.regions.get('RU-LEN')!.capital.name).toBe('Гатчина');
    for (const r of directory.regions.values()) {
      expect(directory.admits(r.code, r.capital.lon, r.capital.lat), `${r.code} ${r.capital.name}`).toBe(
        true,
      );
      expect(r.urbanPopulation, r.code).toBeGreaterThan(0);
    }
  });

  it('locates points, Chukotka across the antimeridian included, and refuses a neighbour', () => {
    expect(directory.locate(49.1088, 55.7963)).toBe('RU-TA');
    expect(directory.locate(166.44, 68.05)).toBe('RU-CHU');
    expect(directory.locate(-171.0, 65.9)).toBe('RU-CHU');
    expect(directory.locate(37.6173, 55.7558)).toBe('RU-MOW');
    expect(directory.admits('RU-TA', 30.3141, 59.9386)).toBe(false);
    // Off every polygon (the Baltic) and far from Tatarstan.
    expect(directory.admits('RU-TA', 19.5, 55.5)).toBe(false);
  });
});

describe('checkRegion', () => {
  it('names the field and the reason', () => {
    expect(checkRegion({ region: 'RU-TA' }, 'complaints[2].')).toEqual([]);
    expect(checkRegion({})).toEqual([]);
    expect(checkRegion({ region: 'RU-QQ' }, 'complaints[2].')[0]).toMatchObject({
      field: 'complaints[2].region',
      message: expect.stringMatching(/unknown region code "RU-QQ"/),
    });
    expect(checkRegion({ region: 'RU-TA', lat: 59.9386, lon: 30.3141 })[0]).toMatchObject({
      field: 'lat',
      message: expect.stringMatching(/outside RU-TA .* lies in RU-SPE/),
    });
    // The home region keeps its own Moscow Oblast check in validateComplaint.
    expect(checkRegion({ region: 'RU-MOS', lat: 59.9386, lon: 30.3141 })).toEqual([]);
  });

  it('parses URL codes case-insensitively and refuses other shapes', () => {
    expect(parseRegionCode('ru-ta')).toEqual({ ok: true, code: 'RU-TA' });
    expect(parseRegionCode('UA-43')).toEqual({ ok: true, code: 'UA-43' });
    expect(parseRegionCode('tatarstan').ok).toBe(false);
  });
});

describe('federal view helpers', () => {
  it('moscowDayKey agrees with moscowDate around midnight', () => {
    for (const iso of [
      '2026-11-22T20:59:59Z',
      '2026-11-22T21:00:00Z',
      '2026-01-01T00:00:00Z',
      '2026-06-30T23:30:00Z',
    ])
      expect(moscowDate(new Date(iso))).toBe(moscowDate(new Date(iso)));
  });

  it('colours by overdue-share bins, grey with nothing open', () => {
    expect(overdueColor(null)).toBe(NO_DATA_COLOR);
    expect(overdueColor(0)).toBe(OVERDUE_BINS[0]!.color);
    expect(overdueColor(0.12)).toBe(OVERDUE_BINS[2]!.color);
    expect(overdueColor(0.9)).toBe(OVERDUE_BINS[4]!.color);
    expect(formatShare(0.125)).toMatch(/^12,5\s?%$|^13%$/);
  });

  it('ranks the worst overdue share first, regions without a backlog last', () => {
    const row = (code: string, overdueShare: number | null, today = 0) =>
      ({ code, name: code, overdueShare, today }) as FederalRegionRow;
    expect(
      rankRegions([row('A', null, 5), row('B', 0.1), row('C', 0.3), row('D', 0.1, 9)]).map((r) => r.code),
    ).toEqual(['C', 'D', 'B', 'A']);
  });

  it('draws every region as a path inside the frame, and projects capitals into it', () => {
    const map = russiaMap();
    expect(map.regions).toHaveLength(85);
    for (const r of map.regions) {
      expect(r.d.length, r.code).toBeGreaterThan(20);
      expect(r.label[0]).toBeGreaterThanOrEqual(0);
      expect(r.label[0]).toBeLessThanOrEqual(MAP_WIDTH);
      expect(r.label[1]).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    const xy = projectPoints([
      { code: 'kgd', lon: 20.45, lat: 54.71 },
      { code: 'chu', lon: 177.5, lat: 64.73 },
    ]);
    // Kaliningrad far west, Anadyr far east: the antimeridian does not fold the map.
    expect(xy.kgd![0]).toBeLessThan(150);
    expect(xy.chu![0]).toBeGreaterThan(850);
  });
});
