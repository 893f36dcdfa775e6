import { describe, expect, it } from 'vitest';
import { labelledIncidents } from '@/components/incidents/incident-layers';
import type { Incident } from '@/lib/incidents/types';

function incident(
  id: number,
  status: Incident['status'],
  complaints: number,
  lat: number | null = 55,
): Incident {
  return {
    id,
    block: 'housing',
    category: 'housing.no-heating',
    categoryName: 'нет отопления',
    municipality: '46704000000',
    municipalityName: 'Балашиха',
    place: `Город ${id}`,
    lat,
    lon: lat === null ? null : 37 + id / 10,
    openedAt: '2026-12-06T10:00:00.000Z',
    detectedAt: `2026-12-06T10:${String(id).padStart(2, '0')}:00.000Z`,
    lastAt: '2026-12-06T10:30:00.000Z',
    complaints,
    usualLow: 0,
    usualHigh: 1,
    executor: null,
    status,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedAt: null,
  };
}

describe('incident labels on a map', () => {
  it('labels three of a storm: the unanswered with most complaints first; answered, closed and unplaced after or never', () => {
    const storm = [
      incident(1, 'acknowledged', 500),
      incident(2, 'new', 20),
      incident(3, 'new', 90),
      incident(4, 'closed', 900),
      incident(5, 'new', 90),
      incident(6, 'new', 400, null),
      incident(7, 'in_work', 300),
      incident(8, 'new', 10),
    ];
    expect(labelledIncidents(storm).map((i) => i.id)).toEqual([5, 3, 2]);
  });

  it('labels an answered incident when fewer than three are unanswered', () => {
    expect(
      labelledIncidents([incident(1, 'acknowledged', 5), incident(2, 'new', 3)]).map((i) => i.id),
    ).toEqual([2, 1]);
  });
});
