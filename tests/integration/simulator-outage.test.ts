import { inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { createComplaintFactory } from '@/lib/simulator/generator';
import { createPlacer, loadTowns } from '@/lib/simulator/geography';
import { startIncident } from '@/lib/simulator/incidents';
import { createRng } from '@/lib/simulator/random';
import { createTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('a simulated outage through the intake', () => {
  it('makes one problem with dozens of voices, for every kind of outage', async () => {
    app = await createTestApp();
    const { ctx } = app;
    const placer = createPlacer([...ctx.reference.municipalities.values()], loadTowns(), ctx.locator);
    const factory = createComplaintFactory({
      categories: [...ctx.reference.categories.values()],
      sourceCodes: [...ctx.reference.sources.keys()],
      placer,
      idPrefix: 'sim-outage',
    });
    const codes = new Set(ctx.reference.categories.keys());
    const now = ctx.now().getTime();
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const rng = createRng(seed);
      // January: every kind of outage is in season (heating, snow on the roads).
      // Three days apart: two outages of one kind in one town the same day would rightly be one problem.
      const start = now - seed * 3 * 24 * 3600_000;
      const incident = startIncident(new Date(start), rng, placer, 1, codes);
      kinds.add(incident.categoryCode);
      const reports = Array.from({ length: 30 }, (_, i) =>
        factory.forIncident(incident, new Date(start + i * 8 * 60_000), rng),
      );
      const results = await recordComplaints(
        ctx,
        reports.map((r) => r.input),
      );
      const ids = results.map((r) => r.id!);
      const rows = await ctx.db
        .select({ problemId: complaints.problemId })
        .from(complaints)
        .where(inArray(complaints.id, ids));
      const problems = new Set(rows.map((r) => r.problemId));
      expect(problems.size, `${incident.categoryCode} in ${incident.town.label}`).toBe(1);
      expect(rows).toHaveLength(30);
    }
    expect(kinds.size).toBeGreaterThan(2);
  });
});
