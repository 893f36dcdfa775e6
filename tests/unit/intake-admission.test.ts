import { describe, expect, it } from 'vitest';
import { IntakeAdmission } from '@/lib/ingest/intake-admission';

/** An admission on a clock the test moves. */
function admissionAt(options: { maxWaitMs?: number; initialRate?: number } = {}) {
  const clock = { now: 0 };
  const admission = new IntakeAdmission({ ...options, clock: () => clock.now });
  return { admission, clock };
}

describe('intake admission (backpressure before parsing)', () => {
  it('admits by expected wait: what is held plus this request over the rate, against the limit', () => {
    const { admission } = admissionAt({ maxWaitMs: 1_500, initialRate: 2_000 });
    const first = admission.admit(1_000); // 0.5 s
    const second = admission.admit(1_000); // 1.0 s
    const third = admission.admit(1_000); // 1.5 s: at the limit
    const fourth = admission.admit(1_000); // 2.0 s: over
    expect([first.ok, second.ok, third.ok, fourth.ok]).toEqual([true, true, true, false]);
    expect(admission.heldItems).toBe(3_000);
    if (fourth.ok) throw new Error('unreachable');
    expect(fourth.expectedWaitMs).toBe(2_000);
    expect(fourth.retryAfterSeconds).toBe(1);
    // A small request still fits where a big one did not.
    expect(admission.admit(1).ok).toBe(false);
  });

  it('always admits one request when nothing is held, however slow the rate', () => {
    const { admission } = admissionAt({ maxWaitMs: 100, initialRate: 10 });
    const alone = admission.admit(1_000);
    expect(alone.ok).toBe(true);
    expect(admission.admit(1).ok).toBe(false);
    if (alone.ok) alone.ticket.done();
    expect(admission.heldItems).toBe(0);
    expect(admission.admit(1_000).ok).toBe(true);
  });

  it('admits a burst of small requests up to one full batch held in all, whatever the measured rate', () => {
    const { admission } = admissionAt({ maxWaitMs: 100, initialRate: 5 });
    const burst = Array.from({ length: 10 }, () => admission.admit(100));
    expect(burst.map((a) => a.ok)).toEqual(Array.from({ length: 10 }, () => true));
    expect(admission.heldItems).toBe(1_000);
    // Past one batch the rate decides again: 1,001 items at 5 a second are far over 100 ms.
    expect(admission.admit(1).ok).toBe(false);
  });

  it('frees what a request held when it is answered, once, and resizes it to the parsed batch', () => {
    const { admission } = admissionAt({ initialRate: 1_000 });
    const a = admission.admit(1_000);
    if (!a.ok) throw new Error('refused');
    a.ticket.resize(10);
    expect(admission.heldItems).toBe(10);
    a.ticket.done();
    a.ticket.done();
    a.ticket.resize(500);
    expect(admission.heldItems).toBe(0);
  });

  it('tells a longer Retry-After the further over the limit, capped at 30 s', () => {
    const { admission } = admissionAt({ maxWaitMs: 1_000, initialRate: 100 });
    admission.admit(100);
    const refused = admission.admit(1_000); // (100 + 1000) / 100 = 11 s, 10 s over
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterSeconds).toBe(10);
    const far = new IntakeAdmission({ maxWaitMs: 1_000, initialRate: 1, clock: () => 0 });
    far.admit(1_000);
    const capped = far.admit(1_000);
    expect(capped.ok).toBe(false);
    if (!capped.ok) expect(capped.retryAfterSeconds).toBe(30);
  });

  it('measures the rate from items answered per busy second, not counting idle time', () => {
    const { admission, clock } = admissionAt({ initialRate: 1_000 });
    for (let round = 0; round < 4; round += 1) {
      const a = admission.admit(1_000);
      if (!a.ok) throw new Error('refused');
      clock.now += 200; // 1,000 items in 0.2 s: 5,000 a second
      a.ticket.done();
      clock.now += 5_000; // idle: must not lower the rate
    }
    expect(admission.itemsPerSecond).toBeGreaterThan(4_000);
    expect(admission.itemsPerSecond).toBeLessThanOrEqual(5_000);
    // The measured rate admits more at once than the cold guess did.
    const admitted = [1, 2, 3, 4, 5, 6, 7].map(() => admission.admit(1_000).ok).filter(Boolean).length;
    expect(admitted).toBeGreaterThanOrEqual(6);
  });

  it('follows a slowdown: a slower database admits less', () => {
    const { admission, clock } = admissionAt({ initialRate: 5_000 });
    for (let round = 0; round < 6; round += 1) {
      const a = admission.admit(1_000);
      if (!a.ok) throw new Error('refused');
      clock.now += 2_000; // 500 a second
      a.ticket.done();
    }
    expect(admission.itemsPerSecond).toBeLessThan(700);
    expect(admission.admit(1_000).ok).toBe(true);
    expect(admission.admit(1_000).ok).toBe(false);
  });

  it('estimates items from the body size, learning what an item weighs, within 1 and 1,000', () => {
    const { admission } = admissionAt();
    expect(admission.estimateItems(null)).toBe(1_000);
    expect(admission.estimateItems(0)).toBe(1_000);
    expect(admission.estimateItems(10)).toBe(1);
    expect(admission.estimateItems(50_000_000)).toBe(1_000);
    const before = admission.estimateItems(100_000);
    for (let i = 0; i < 10; i += 1) admission.learnSize(400_000, 1_000); // 400 bytes an item
    expect(admission.estimateItems(100_000)).toBeLessThan(before);
    expect(admission.estimateItems(100_000)).toBeGreaterThanOrEqual(250);
  });
});
