import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { GET as getProblems } from '@/app/api/v1/problems/route';
import { GET as getOpen311 } from '@/app/open311/v2/requests.json/route';
import type { ComplaintInput } from '@/lib/ingest/types';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { getRecentComplaints } from '@/lib/queries/get-recent-complaints';
import { getSummaryRaw } from '@/tests/support/raw-queries/get-summary-raw';
import { advanceSlaClock } from '@/lib/sla/advance-sla-clock';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo } from '../helpers/lifecycle';
import { api } from '../helpers/route-client';
import { createRegisteredTestApp } from '../helpers/test-context';

const START = new Date('2026-11-20T10:00:00+03:00');
const CATEGORIES = ['housing.no-hot-water', 'transport.pothole', 'ecology.tko-overflow', undefined];
/** [region, lat, lon] of a few other regions' towns. */
const FOREIGN: [string, number, number][] = [
  ['RU-TA', 55.7963, 49.1088],
  ['RU-SPE', 59.9386, 30.3141],
  ['RU-MOW', 55.7558, 37.6173],
  ['RU-NVS', 55.0302, 82.9204],
  ['UA-43', 44.9521, 34.1024],
];

const home: ComplaintInput[] = Array.from({ length: 60 }, (_, i) => {
  const towns = Object.values(TOWNS);
  const [lat, lon] = towns[i % towns.length]!;
  return aComplaint({
    receivedAt: new Date(START.getTime() - (i % 30) * 3 * 3600_000).toISOString(),
    category: CATEGORIES[i % CATEGORIES.length],
    block: undefined,
    ...(i % 4 === 3 ? { text: 'Прошу разобраться' } : {}),
    lat: lat + (i % 7) * 0.002,
    lon,
  });
});

/** The same intake for both runs; `foreign` adds other regions' complaints and their lifecycle on top. */
async function wallNumbers(foreign: boolean) {
  let clock = START;
  const app = await createRegisteredTestApp({ now: () => clock });
  try {
    const created = await recordComplaints(app.ctx, home);
    expect(created.every((r) => r.status === 'created')).toBe(true);
    const ids = created.map((r) => r.id!);
    await recordTransitions(app.ctx, [
      transitionTo(ids[0]!, 'in_progress'),
      transitionTo(ids[4]!, 'resolved'),
    ]);
    if (foreign) {
      const items = Array.from({ length: 120 }, (_, i) => {
        const [region, lat, lon] = FOREIGN[i % FOREIGN.length]!;
        return aComplaint({
          region,
          lat: i % 5 === 4 ? undefined : lat,
          lon: i % 5 === 4 ? undefined : lon,
          receivedAt: new Date(START.getTime() - (i % 40) * 3 * 3600_000).toISOString(),
          category: CATEGORIES[i % CATEGORIES.length],
          block: undefined,
          ...(i % 4 === 3 ? { text: 'Прошу разобраться' } : {}),
        });
      });
      const results = await recordComplaints(app.ctx, items);
      expect(results.every((r) => r.status === 'created')).toBe(true);
      const fids = results.map((r) => r.id!);
      const moves = fids
        .slice(0, 40)
        .flatMap((id, i) =>
          i % 3 === 0
            ? [transitionTo(id, 'in_progress'), transitionTo(id, 'resolved')]
            : i % 3 === 1
              ? [transitionTo(id, 'rejected')]
              : [transitionTo(id, 'in_progress')],
        );
      const applied = await recordTransitions(app.ctx, moves);
      expect(applied.filter((r) => r.status === 'applied')).toHaveLength(moves.length);
    }
    // Two days on: SLA ticks move home and foreign complaints to late, each into its own rollups.
    clock = new Date(START.getTime() + 2 * 24 * 3600_000);
    await advanceSlaClock(app.ctx);
    const db = app.ctx.db;
    const base = 'http://test.local';
    const body = async (r: Response) => (await r.json()) as unknown;
    return {
      summary: (await api.summary('')).body,
      summaryHousing: (await api.summary('?block=housing')).body,
      summaryRaw: await getSummaryRaw(db, {}, clock),
      panelHousing: (await api.blockPanel('housing')).body,
      panelTransport: (await api.blockPanel('transport')).body,
      triage: (await api.triage('?limit=100')).body,
      quality: (await api.quality('')).body,
      problems: await body(await getProblems(new NextRequest(`${base}/api/v1/problems?limit=100`))),
      open311: await body(await getOpen311(new Request(`${base}/open311/v2/requests.json?page_size=200`))),
      recent: await getRecentComplaints(db, {}, 100),
    };
  } finally {
    await app.close();
  }
}

describe('Moscow Oblast isolation', () => {
  it("other regions' complaints and their lifecycle leave the wall, panels, triage, problems, Open311 and quality unchanged", async () => {
    const alone = await wallNumbers(false);
    const withForeign = await wallNumbers(true);
    for (const key of Object.keys(alone) as (keyof typeof alone)[]) {
      expect(withForeign[key], key).toEqual(alone[key]);
    }
    // The comparison is not vacuous: the home numbers are there.
    expect((alone.summary as { today: number; open: number }).open).toBeGreaterThan(0);
    expect((alone.triage as { total: number }).total).toBeGreaterThan(0);
    expect(alone.recent.length).toBe(60);
  }, 180_000);
});
