import { describe, expect, it } from 'vitest';
import { pointsInDrawOrder } from '@/components/drill/drill-layers';
import type { MapComplaint } from '@/lib/drill/types';

function point(id: number, dueAt: string, overdue: boolean): MapComplaint {
  return {
    id,
    lat: 56.3,
    lon: 38.13,
    receivedAt: '2026-12-01T09:00:00Z',
    dueAt,
    category: 'housing.no-hot-water',
    block: 'housing',
    status: 'in_progress',
    overdue,
    excerpt: '',
  };
}

describe('pointsInDrawOrder', () => {
  // The server's order: the most overdue first (a truncated view keeps them).
  const served = [
    point(1, '2026-12-01T10:00:00Z', true),
    point(2, '2026-12-05T10:00:00Z', true),
    point(3, '2026-12-30T10:00:00Z', false),
  ];

  it('draws the most overdue complaint last, so it lies on top where points overlap', () => {
    const drawn = pointsInDrawOrder(served);
    expect(drawn.map((p) => p.id)).toEqual([3, 2, 1]);
    expect(drawn.at(-1)?.overdue).toBe(true);
  });

  it('leaves the served list as it was (it is also the list the counts and truncation read)', () => {
    pointsInDrawOrder(served);
    expect(served.map((p) => p.id)).toEqual([1, 2, 3]);
  });
});
