import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifyDbError, DatabaseUnavailableError } from '@/lib/health/classify-db-error';
import { DatabaseHealth } from '@/lib/health/database-health';
import { databaseErrors, databaseUp } from '@/lib/metrics/registry';

/** An error as postgres.js (or a Node socket) raises it, optionally under drizzle's wrapper. */
const driverError = (code: string) => Object.assign(new Error(`driver: ${code}`), { code });
const wrapped = (inner: unknown) => Object.assign(new Error('Failed query: select 1'), { cause: inner });

describe('classifyDbError', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'CONNECTION_CLOSED',
    'CONNECTION_DESTROYED',
    'CONNECTION_ENDED',
    'CONNECT_TIMEOUT',
    '57P01',
    '57P02',
    '57P03',
    '53300',
    '08006',
    '08001',
    '08P01',
  ])('%s is the database being unavailable, bare or under a wrapper', (code) => {
    expect(classifyDbError(driverError(code))).toBe('unavailable');
    expect(classifyDbError(wrapped(driverError(code)))).toBe('unavailable');
  });

  it('sees a closed PGlite, an error among several (AggregateError) and its own refusal as unavailable', () => {
    expect(classifyDbError(new Error('PGlite is closed'))).toBe('unavailable');
    expect(classifyDbError(new AggregateError([new Error('x'), driverError('ECONNREFUSED')]))).toBe(
      'unavailable',
    );
    expect(classifyDbError(new DatabaseUnavailableError(new Date()))).toBe('unavailable');
  });

  it('tells a cancelled statement (statement_timeout) from an outage, and a constraint or bug from both', () => {
    expect(classifyDbError(wrapped(driverError('57014')))).toBe('timeout');
    for (const other of [driverError('23505'), driverError('40P01'), new TypeError('x'), 'a string', null])
      expect(classifyDbError(wrapped(other))).toBe('other');
    // "08" must be the class, not any code that happens to start with the digits.
    expect(classifyDbError(driverError('0800'))).toBe('other');
  });
});

describe('DatabaseHealth', () => {
  let health: DatabaseHealth | undefined;
  afterEach(() => {
    health?.stop();
    vi.useRealTimers();
  });

  /** A ping that answers or fails as the test says. */
  function controllablePing() {
    const state = { up: true, calls: 0 };
    const ping = vi.fn(async () => {
      state.calls += 1;
      if (!state.up) throw driverError('ECONNREFUSED');
    });
    return { state, ping };
  }

  it('goes down only when the probe confirms a reported outage, and tells listeners with the time', async () => {
    const { state, ping } = controllablePing();
    health = new DatabaseHealth({ ping, downProbeMs: 20 });
    const changes: [boolean, Date][] = [];
    health.onChange((up, since) => changes.push([up, since]));
    const errorsBefore = (await databaseErrors.get()).values.find((v) => v.labels.kind === 'unavailable');

    // One broken connection while the probe still gets through: not an outage.
    health.reportFailure(wrapped(driverError('57P01')));
    await vi.waitFor(() => expect(ping).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 30));
    expect(health.up).toBe(true);
    expect(changes).toEqual([]);

    state.up = false;
    expect(health.reportFailure(driverError('ECONNREFUSED'))).toBe('unavailable');
    await vi.waitFor(() => expect(health!.up).toBe(false));
    expect(changes).toHaveLength(1);
    expect(changes[0]![0]).toBe(false);
    expect(health.since).toBe(changes[0]![1]);
    expect((await databaseUp.get()).values[0]!.value).toBe(0);
    const errorsAfter = (await databaseErrors.get()).values.find((v) => v.labels.kind === 'unavailable');
    expect(errorsAfter!.value - (errorsBefore?.value ?? 0)).toBeGreaterThanOrEqual(2);
  });

  it('while down, probes every few milliseconds and comes back up by itself once the database answers', async () => {
    const { state, ping } = controllablePing();
    health = new DatabaseHealth({ ping, downProbeMs: 25 });
    state.up = false;
    health.reportFailure(driverError('CONNECTION_CLOSED'));
    await vi.waitFor(() => expect(health!.up).toBe(false));
    const callsWhileDown = state.calls;
    await new Promise((r) => setTimeout(r, 120));
    expect(state.calls).toBeGreaterThan(callsWhileDown + 2);
    expect(health.up).toBe(false);

    const back = performance.now();
    state.up = true;
    const recovered = new Promise<number>((resolve) =>
      health!.onChange((up) => up && resolve(performance.now() - back)),
    );
    expect(await recovered).toBeLessThan(200);
    expect(health.up).toBe(true);
    expect((await databaseUp.get()).values[0]!.value).toBe(1);
    // Up again and not started: no more probing.
    const calls = state.calls;
    await new Promise((r) => setTimeout(r, 80));
    expect(state.calls).toBe(calls);
  });

  it('started, it looks while up too, so an outage with no request running is still seen', async () => {
    const { state, ping } = controllablePing();
    health = new DatabaseHealth({ ping, upProbeMs: 20, downProbeMs: 20 });
    health.start();
    state.up = false;
    await vi.waitFor(() => expect(health!.up).toBe(false), { timeout: 1_000 });
    state.up = true;
    await vi.waitFor(() => expect(health!.up).toBe(true), { timeout: 1_000 });
  });

  it('check() races the probe against its deadline', async () => {
    health = new DatabaseHealth({
      ping: (deadlineMs) =>
        new Promise((_, reject) => setTimeout(() => reject(driverError('PING_TIMEOUT')), deadlineMs)),
    });
    const began = performance.now();
    expect(await health.check(100)).toBe(false);
    expect(performance.now() - began).toBeLessThan(400);
    expect(health.up).toBe(false);
  });

  it('counts a timeout and other failures by kind without calling the database down', async () => {
    const { ping } = controllablePing();
    health = new DatabaseHealth({ ping });
    expect(health.reportFailure(driverError('57014'))).toBe('timeout');
    expect(health.reportFailure(driverError('23505'))).toBe('other');
    expect(ping).not.toHaveBeenCalled();
    expect(health.up).toBe(true);
  });

  it('a listener that throws does not keep the others from hearing', async () => {
    const { state, ping } = controllablePing();
    health = new DatabaseHealth({ ping });
    const heard: boolean[] = [];
    health.onChange(() => {
      throw new Error('listener fault');
    });
    const off = health.onChange((up) => heard.push(up));
    state.up = false;
    await health.check();
    off();
    state.up = true;
    await health.check();
    expect(heard).toEqual([false]);
    expect(health.up).toBe(true);
  });
});
