import { describe, expect, it } from 'vitest';
import { canTransition } from '../../lib/domain/statuses';
import { dueSteps, planLifecycle, type PlanSubject } from '../../lib/simulator/lifecycle-plan';
import { batchTransitions, toTransitionInputs } from '../../lib/simulator/transitions';

const HOUR = 3600_000;
const RECEIVED = new Date('2025-11-10T09:00:00Z');

function subject(
  id: number,
  kind: 'operational' | 'resource' = id % 10 < 7 ? 'operational' : 'resource',
): PlanSubject {
  const hours = kind === 'operational' ? (id % 2 ? 24 : 48) : 72 + (id % 5) * 30;
  return {
    id,
    receivedAt: RECEIVED,
    dueAt: new Date(RECEIVED.getTime() + hours * HOUR),
    kind,
    blockCode: 'housing',
  };
}

describe('lifecycle plan', () => {
  it('starts at intake with the automatic routing and only makes allowed transitions, in time order', () => {
    for (let id = 1; id <= 5000; id++) {
      const plan = planLifecycle(subject(id));
      expect(plan[0]).toMatchObject({ status: 'new', at: RECEIVED });
      expect(plan[1]).toMatchObject({ status: 'routed', at: RECEIVED, actor: 'system:routing' });
      for (let i = 2; i < plan.length; i++) {
        expect(canTransition(plan[i - 1]!.status, plan[i]!.status), `#${id} step ${i}`).toBe(true);
        expect(plan[i]!.at.getTime()).toBeGreaterThan(plan[i - 1]!.at.getTime());
      }
      const last = plan.at(-1)!.status;
      expect(['resolved', 'closed', 'rejected'], `#${id} ends in ${last}`).toContain(last);
      for (const s of plan.filter((p) => p.status === 'resolved')) {
        expect(s.photoUrls!.length).toBeGreaterThan(0);
        expect(s.answer).toBeTruthy();
      }
      for (const s of plan.filter((p) => p.status === 'rejected')) expect(s.reason).toBeTruthy();
    }
  });

  it('rejects about 2% and puts about a fifth of resource-intensive ones to the vote', () => {
    let rejected = 0;
    let voted = 0;
    let resource = 0;
    for (let id = 1; id <= 20_000; id++) {
      const s = subject(id);
      const plan = planLifecycle(s);
      if (plan.some((p) => p.status === 'rejected')) rejected++;
      if (s.kind === 'resource') {
        resource++;
        if (plan.some((p) => p.status === 'on_vote')) voted++;
      }
    }
    expect(rejected / 20_000).toBeGreaterThan(0.012);
    expect(rejected / 20_000).toBeLessThan(0.03);
    expect(voted / resource).toBeGreaterThan(0.14);
    expect(voted / resource).toBeLessThan(0.26);
  });

  it('is deterministic per complaint id', () => {
    expect(planLifecycle(subject(77))).toEqual(planLifecycle(subject(77)));
    expect(planLifecycle(subject(77))).not.toEqual(planLifecycle(subject(78)));
  });

  it('is taken up fast, resolves mostly on time, leaves ~10% overdue, closes and reopens some', () => {
    const n = 20_000;
    let takenUp = 0;
    let late = 0;
    let closed = 0;
    let reopened = 0;
    let operationalInTwoDays = 0;
    let operational = 0;
    for (let id = 1; id <= n; id++) {
      const s = subject(id);
      const plan = planLifecycle(s);
      const first = plan[2];
      if (!first || first.at.getTime() - RECEIVED.getTime() <= 36 * HOUR) takenUp++;
      const resolved = plan.find((p) => p.status === 'resolved');
      if (!resolved) continue;
      if (resolved.at > s.dueAt) late++;
      if (plan.some((p) => p.status === 'closed')) closed++;
      if (plan.some((p) => p.status === 'reopened')) reopened++;
      if (s.kind === 'operational') {
        operational++;
        if (resolved.at.getTime() - RECEIVED.getTime() <= 48 * HOUR) operationalInTwoDays++;
      }
    }
    expect(takenUp / n).toBeGreaterThan(0.95);
    expect(late / n).toBeGreaterThan(0.08);
    expect(late / n).toBeLessThan(0.12);
    expect(operationalInTwoDays / operational).toBeGreaterThan(0.85);
    expect(closed / n).toBeGreaterThan(0.5);
    expect(reopened / n).toBeGreaterThan(0.02);
    expect(reopened / n).toBeLessThan(0.07);
  });
});

describe('dueSteps', () => {
  it('continues from the stored state and stops at the present', () => {
    const s = subject(4242, 'operational');
    const plan = planLifecycle(s);
    const now = new Date(plan[2]!.at.getTime() + 1000);
    const steps = dueSteps(s, { status: plan[1]!.status, statusAt: plan[1]!.at }, now);
    expect(steps).toEqual([plan[2]]);
    expect(
      dueSteps(s, { status: 'routed', statusAt: RECEIVED }, new Date(RECEIVED.getTime() + 60_000)),
    ).toEqual([]);
  });

  it('walks the whole plan after a long pause', () => {
    const s = subject(17);
    const plan = planLifecycle(s);
    const later = new Date(RECEIVED.getTime() + 60 * 24 * HOUR);
    expect(dueSteps(s, { status: 'routed', statusAt: RECEIVED }, later)).toEqual(plan.slice(2));
  });

  it('resolves a complaint whose history left the plan', () => {
    const s = subject(5);
    const handSetAt = new Date(RECEIVED.getTime() + 3 * HOUR + 12_345);
    const steps = dueSteps(
      s,
      { status: 'reopened', statusAt: handSetAt },
      new Date(RECEIVED.getTime() + 10 * 24 * HOUR),
    );
    expect(steps.map((p) => p.status)).toEqual(['in_progress', 'resolved']);
    expect(steps[0]!.at.getTime()).toBeGreaterThan(handSetAt.getTime());
  });
});

describe('transition batches', () => {
  it('never splits one complaint across batches and keeps the order', () => {
    const inputs = Array.from({ length: 700 }, (_, i) => i + 1).flatMap((id) =>
      toTransitionInputs(id, planLifecycle(subject(id)).slice(2)),
    );
    const batches = batchTransitions(inputs, 100);
    expect(batches.flat()).toEqual(inputs);
    for (let b = 1; b < batches.length; b++) {
      expect(batches[b]![0]!.complaintId).not.toBe(batches[b - 1]!.at(-1)!.complaintId);
    }
    expect(inputs[0]!.at).toMatch(/Z$/);
  });
});
