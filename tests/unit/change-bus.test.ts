import { describe, expect, it } from 'vitest';
import { ChangeBus, type CommittedChange } from '@/lib/commit/change-bus';

const change = (slaMoved: number): CommittedChange => ({ created: [], transitions: [], slaMoved });

describe('ChangeBus', () => {
  it('hands a failing listener’s error to its handler and still reaches the other listeners', () => {
    const errors: unknown[] = [];
    const bus = new ChangeBus((error) => errors.push(error));
    const heard: number[] = [];
    bus.subscribe(() => {
      throw new Error('listener broke');
    });
    bus.subscribe((c) => heard.push(c.slaMoved));
    expect(() => bus.publish(change(3))).not.toThrow();
    expect(heard).toEqual([3]);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('listener broke');
  });

  it('publishes nothing for an empty change and stops after unsubscribe', () => {
    const bus = new ChangeBus();
    const heard: number[] = [];
    const off = bus.subscribe((c) => heard.push(c.slaMoved));
    bus.publish(change(0));
    bus.publish(change(1));
    off();
    bus.publish(change(2));
    expect(heard).toEqual([1]);
  });
});
