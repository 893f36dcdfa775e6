import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client';
import { CATEGORIES } from '../../db/seed/categories';
import { SOURCES } from '../../db/seed/sources';
import type { AppContext } from '../../lib/context';
import { loadMunicipalityLocator } from '../../lib/geo/municipality-locator';
import type { ComplaintInput, IngestItemResult } from '../../lib/ingest/types';
import type { TransitionInput, TransitionResult } from '../../lib/lifecycle/types';
import type { ProgressableComplaint } from '../../lib/simulator/list-progressable-complaints';
import { ChangeBus } from '../../lib/commit/change-bus';
import { WriteQueue } from '../../lib/commit/write-queue';
import { Revocations } from '../../lib/identity/revocations';
import { DatabaseHealth } from '@/lib/health/database-health';
import type { ReferenceCache } from '../../lib/reference/types';
import { createComplaintFactory, type ComplaintFactory } from '../../lib/simulator/generator';
import { createPlacer, loadTowns, type Placer } from '../../lib/simulator/geography';
import { planLifecycle } from '../../lib/simulator/lifecycle-plan';
import { createLiveLoop } from '../../lib/simulator/live';
import { readMunicipalitiesCsv } from '../../lib/reference/municipalities-csv';
import { createRng } from '../../lib/simulator/random';

// The write paths and the query are the database side; here they are recorders, so the loop runs without one.
const calls = vi.hoisted(() => ({
  complaints: [] as unknown[][],
  transitions: [] as TransitionInput[][],
  failNextIntake: false,
  slowIntakeMs: 0,
  open: [] as ProgressableComplaint[],
}));

vi.mock('../../lib/ingest/record-complaints', () => ({
  recordComplaints: async (_ctx: unknown, items: unknown[]): Promise<IngestItemResult[]> => {
    if (calls.failNextIntake) {
      calls.failNextIntake = false;
      throw new Error('database went away');
    }
    if (calls.slowIntakeMs > 0) await new Promise((r) => setTimeout(r, calls.slowIntakeMs));
    calls.complaints.push(items);
    return items.map((item, i) => ({
      externalId: (item as ComplaintInput).externalId,
      status: 'created',
      id: calls.complaints.length * 10_000 + i,
    }));
  },
}));
vi.mock('../../lib/lifecycle/record-transitions', () => ({
  recordTransitions: async (_ctx: unknown, inputs: TransitionInput[]): Promise<TransitionResult[]> => {
    calls.transitions.push(inputs);
    return inputs.map((t) => ({
      complaintId: t.complaintId,
      status: 'applied',
      from: 'new',
      to: t.status,
      at: t.at!,
    }));
  },
}));
vi.mock('../../lib/simulator/list-progressable-complaints', () => ({
  listProgressableComplaints: async () => calls.open,
}));

const HOUR = 3600_000;
let placer: Placer;
let factory: ComplaintFactory;
let ctx: AppContext;
const codes = new Set(CATEGORIES.map((c) => c.code));

beforeAll(() => {
  const locator = loadMunicipalityLocator();
  placer = createPlacer(readMunicipalitiesCsv(), loadTowns(), locator);
  factory = createComplaintFactory({
    categories: CATEGORIES,
    sourceCodes: SOURCES.map((s) => s.code),
    placer,
    idPrefix: 'sim-live',
  });
  ctx = {
    db: {} as Db,
    reference: {} as ReferenceCache,
    locator,
    places: { find: () => ({ kind: 'none' }) },
    revocations: new Revocations(),
    health: new DatabaseHealth({ ping: async () => {} }),
    changes: new ChangeBus(),
    writer: new WriteQueue({ maxQueuedItems: 10_000 }),
    log: pino({ level: 'silent' }),
    nodeId: 'test',
    leader: { isLeader: true, check: async () => {} },
    now: () => new Date(),
  };
});

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-11-19T12:00:00+03:00') }); // a Wednesday noon in Moscow
  calls.complaints = [];
  calls.transitions = [];
  calls.failNextIntake = false;
  calls.slowIntakeMs = 0;
  calls.open = [];
});

afterEach(() => {
  vi.useRealTimers();
});

const rateModel = (ratePerSecond: number) => ({ ratePerSecond, incidentsPerDay: 0, seed: 1 });
const options = { model: rateModel(100), externalIdPrefix: 'sim-' };

describe('live loop', () => {
  it('streams Poisson arrivals at rate × rhythm, one call per tick, at most 1,000 items each', async () => {
    const loop = createLiveLoop(ctx, factory, placer, createRng(1), codes, options);
    loop.start();
    await vi.advanceTimersByTimeAsync(20_000);
    await loop.stop();
    const items = calls.complaints.flat() as ComplaintInput[];
    // 100/s × 20 s × rhythm(noon on a weekday) ≈ 1.5
    expect(items.length).toBeGreaterThan(2500);
    expect(items.length).toBeLessThan(3500);
    expect(Math.max(...calls.complaints.map((c) => c.length))).toBeLessThanOrEqual(1000);
    expect(calls.complaints.length).toBeGreaterThan(60);
    const now = Date.now();
    expect(items.every((i) => Date.parse(i.receivedAt) <= now)).toBe(true);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
  });

  it('splits a large tick into calls of at most 1,000 complaints', async () => {
    const loop = createLiveLoop(ctx, factory, placer, createRng(2), codes, {
      ...options,
      model: rateModel(5000),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(1000);
    await loop.stop();
    expect(calls.complaints.flat().length).toBeGreaterThan(5000);
    expect(Math.max(...calls.complaints.map((c) => c.length))).toBeLessThanOrEqual(1000);
  });

  it('logs a failed tick and keeps going', async () => {
    const error = vi.fn();
    const loop = createLiveLoop(
      { ...ctx, log: { ...ctx.log, error } as unknown as AppContext['log'] },
      factory,
      placer,
      createRng(3),
      codes,
      options,
    );
    calls.failNextIntake = true;
    loop.start();
    await vi.advanceTimersByTimeAsync(3000);
    await loop.stop();
    expect(error).toHaveBeenCalledTimes(1);
    expect(calls.complaints.length).toBeGreaterThan(5);
  });

  it('stop() waits for the batch in flight and leaves no timers', async () => {
    calls.slowIntakeMs = 400;
    const loop = createLiveLoop(ctx, factory, placer, createRng(4), codes, options);
    loop.start();
    await vi.advanceTimersByTimeAsync(300); // the first tick is now waiting on the slow write
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    await stopping;
    expect(stopped).toBe(true);
    expect(calls.complaints).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('applies the due lifecycle steps of open complaints', async () => {
    const receivedAt = new Date(Date.now() - 3 * 24 * HOUR);
    const dueAt = new Date(receivedAt.getTime() + 24 * HOUR);
    calls.open = [
      {
        id: 7,
        status: 'routed',
        receivedAt,
        statusAt: receivedAt,
        dueAt,
        categoryCode: 'transport.pothole',
        blockCode: 'transport',
        kind: 'operational',
      },
    ];
    const loop = createLiveLoop(ctx, factory, placer, createRng(5), codes, {
      ...options,
      model: rateModel(0.001),
    });
    loop.start();
    await vi.advanceTimersByTimeAsync(1500);
    await loop.stop();
    const plan = planLifecycle({ id: 7, receivedAt, dueAt, kind: 'operational', blockCode: 'transport' });
    const expected = plan.slice(2).filter((s) => s.at.getTime() <= Date.now());
    expect(calls.transitions.flat().map((t) => t.status)).toEqual(expected.map((s) => s.status));
    expect(calls.transitions.flat().every((t) => t.complaintId === 7)).toBe(true);
  });
});
