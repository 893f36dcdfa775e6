import { describe, expect, it } from 'vitest';
import { addToSeries, detectBursts, seriesKey, type SeriesByKey } from '@/lib/incidents/burst-detector';
import { groupArrivals } from '@/components/incidents/group-arrivals';
import { incidentHeadline, incidentVolume, usualRange } from '@/components/incidents/format-incident';
import { shiftOf } from '@/lib/shift/shift-bounds';
import type { Incident, RecentComplaint } from '@/lib/realtime/contract';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const NOW_HOUR = Date.parse('2026-11-18T09:00:00Z');

/** Sixty places of ordinary weekly traffic (2–6 a window), the pooled spread the detector needs. */
function ordinary(): SeriesByKey {
  const series: SeriesByKey = new Map();
  for (let p = 0; p < 60; p += 1)
    for (let week = 0; week <= 4; week += 1)
      for (const hour of [NOW_HOUR, NOW_HOUR - HOUR])
        addToSeries(
          series,
          seriesKey(`4600000${String(p).padStart(4, '0')}`, 'housing.lift-broken'),
          hour - week * WEEK,
          1 + ((p + week) % 3),
        );
  return series;
}

const anIncident = (over: Partial<Incident> = {}): Incident => ({
  id: 1,
  block: 'housing',
  category: 'housing.no-heating',
  categoryName: 'Нет отопления',
  municipality: '46704000000',
  municipalityName: 'Балашиха',
  place: 'Краснознаменск',
  lat: 55.6,
  lon: 37.0,
  openedAt: '2026-11-18T08:00:00.000Z',
  detectedAt: '2026-11-18T08:20:00.000Z',
  lastAt: '2026-11-18T09:00:00.000Z',
  complaints: 37,
  usualLow: 0,
  usualHigh: 1,
  executor: 'УК «Комфорт»',
  status: 'new',
  acknowledgedBy: null,
  acknowledgedAt: null,
  closedAt: null,
  ...over,
});

describe('the burst detector', () => {
  it('raises a burst far above its own usual level and leaves ordinary traffic alone', () => {
    const series = ordinary();
    const key = seriesKey('46704000000', 'housing.no-heating');
    for (let week = 1; week <= 4; week += 1)
      addToSeries(series, key, NOW_HOUR - week * WEEK - HOUR, week % 2);
    addToSeries(series, key, NOW_HOUR - HOUR, 14);
    addToSeries(series, key, NOW_HOUR, 9);
    const bursts = detectBursts(series, NOW_HOUR, 0.5);
    expect(bursts.map((b) => b.key)).toEqual([key]);
    expect(bursts[0]).toMatchObject({ observed: 23, usualLow: 0, usualHigh: 1, openedAt: NOW_HOUR - HOUR });
  });

  it('does not raise a handful, however unusual', () => {
    const series = ordinary();
    addToSeries(series, seriesKey('46704000000', 'housing.no-heating'), NOW_HOUR, 7);
    expect(detectBursts(series, NOW_HOUR, 0.5)).toEqual([]);
  });

  it('does not raise a busy place at its usual level', () => {
    const series = ordinary();
    const key = seriesKey('46704000000', 'housing.no-hot-water');
    for (let week = 0; week <= 4; week += 1)
      addToSeries(series, key, NOW_HOUR - week * WEEK - HOUR, 30 + week);
    expect(detectBursts(series, NOW_HOUR, 0)).toEqual([]);
  });
});

describe('incident wording', () => {
  it('reads «Краснознаменск · нет отопления · 37 за 2 ч, обычно 0–1»', () => {
    expect(incidentHeadline(anIncident())).toBe('Краснознаменск · нет отопления');
    expect(incidentVolume(anIncident(), Date.parse('2026-11-18T09:20:00Z'))).toBe(
      '37 за\u00a02\u00a0ч, обычно 0–1',
    );
    expect(usualRange({ usualLow: 3, usualHigh: 3 })).toBe('обычно 3');
    expect(incidentHeadline(anIncident({ categoryName: 'ТКО: переполнены контейнеры' }))).toBe(
      'Краснознаменск · ТКО: переполнены контейнеры',
    );
  });
});

describe('the grouped ticker', () => {
  const arrival = (id: number, category: string, municipality = '46704000000'): RecentComplaint => ({
    id,
    excerpt: '',
    receivedAt: new Date(Date.parse('2026-11-18T09:10:00Z') - id * 1000).toISOString(),
    block: category.split('.')[0]!,
    category,
    municipality,
    lat: null,
    lon: null,
  });

  it('folds an incident’s arrivals into its row and repeats into one, in order of the newest', () => {
    const rows = groupArrivals(
      [
        arrival(1, 'housing.no-heating'),
        arrival(2, 'transport.pothole'),
        arrival(3, 'housing.no-heating'),
        arrival(4, 'transport.pothole'),
        arrival(5, 'transport.pothole', '46750000000'),
      ],
      [anIncident()],
      5,
    );
    expect(
      rows.map((r) => (r.kind === 'incident' ? `i:${r.arrivals}` : `a:${r.category}:${r.count}`)),
    ).toEqual(['i:2', 'a:transport.pothole:2', 'a:transport.pothole:1']);
  });

  it('does not fold into a closed incident', () => {
    const rows = groupArrivals([arrival(1, 'housing.no-heating')], [anIncident({ status: 'closed' })], 5);
    expect(rows[0]?.kind).toBe('arrivals');
  });
});

describe('the duty shift', () => {
  it('changes at 08:00 and 20:00 Moscow time', () => {
    expect(shiftOf(new Date('2026-12-06T03:00:00+03:00'))).toEqual({
      start: new Date('2026-12-05T20:00:00+03:00'),
      end: new Date('2026-12-06T08:00:00+03:00'),
    });
    expect(shiftOf(new Date('2026-12-06T08:00:00+03:00')).start).toEqual(
      new Date('2026-12-06T08:00:00+03:00'),
    );
    expect(shiftOf(new Date('2026-12-06T21:30:00+03:00'))).toEqual({
      start: new Date('2026-12-06T20:00:00+03:00'),
      end: new Date('2026-12-07T08:00:00+03:00'),
    });
  });
});
