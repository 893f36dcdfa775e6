import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@/lib/app/create-app';
import { changeDisplay } from '@/lib/identity/change-display';
import { revokeDisplay } from '@/lib/identity/revoke-display';
import type { ClientToServerEvents, ServerToClientEvents, SubscribeAck } from '@/lib/realtime/contract';
import { pairedDisplay, personalToken } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: App;

beforeAll(async () => {
  app = await createWholeTestApp({
    hubs: { live: { flushMs: 30, tickMs: 60_000 }, timers: { live: false, panels: false } },
    realtime: { listen: { port: 0, host: '127.0.0.1' }, credentialSweepMs: 200 },
  });
  await app.start();
});
afterAll(() => app.close());

function open(options: Parameters<typeof connect>[1] = {}): Promise<{ socket: Client; error?: Error }> {
  const socket: Client = connect(app.url!, { transports: ['websocket'], reconnection: false, ...options });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, error }));
  });
}

const subscribe = (socket: Client, scope: { block?: string; municipality?: string }) =>
  new Promise<SubscribeAck>((resolve) => socket.emit('wall:subscribe', { scope }, resolve));

describe('who may open the live feed', () => {
  it('refuses a socket without a credential, or with an unknown one', async () => {
    const anonymous = await open();
    expect(anonymous.error?.message).toBe('unauthorized');
    anonymous.socket.close();
    const forged = await open({ auth: { token: 'cur_dsp_forged' } });
    expect(forged.error?.message).toBe('unauthorized');
    forged.socket.close();
  });

  it('lets a display read its own screen’s scope only', async () => {
    // r1c4 of the default layout shows the health block.
    const { secret } = await pairedDisplay(app.ctx, 'r1c4');
    const { socket, error } = await open({ auth: { token: secret } });
    expect(error).toBeUndefined();
    expect(await subscribe(socket, { block: 'health' })).toMatchObject({ ok: true });
    const other = await subscribe(socket, { block: 'education' });
    expect(other).toMatchObject({ ok: false });
    expect((other as { error: string }).error).toMatch(/^forbidden: /);
    expect(await subscribe(socket, {})).toMatchObject({ ok: false });
    socket.close();
  });

  it('accepts the display cookie a browser sends, and scopes people by their role', async () => {
    const { secret } = await pairedDisplay(app.ctx, 'r1c2');
    const withCookie = await open({ extraHeaders: { cookie: `cur_display=${secret}` } });
    expect(withCookie.error).toBeUndefined();
    expect(await subscribe(withCookie.socket, { block: 'education' })).toMatchObject({ ok: true });
    withCookie.socket.close();

    const lead = await open({ auth: { token: await personalToken(app.ctx, 'block_lead', ['health']) } });
    expect(await subscribe(lead.socket, { block: 'health' })).toMatchObject({ ok: true });
    expect(await subscribe(lead.socket, { block: 'social' })).toMatchObject({ ok: false });
    lead.socket.close();

    const someExecutor = [...app.ctx.reference.executors.keys()][0]!;
    const executor = await open({
      auth: { token: await personalToken(app.ctx, 'executor', [someExecutor]) },
    });
    expect(await subscribe(executor.socket, {})).toMatchObject({ ok: false });
    executor.socket.close();
  });

  it('drops a revoked display’s live socket within 2 s, telling it first', async () => {
    const display = await pairedDisplay(app.ctx, 'r1c2');
    const { socket } = await open({ auth: { token: display.secret } });
    expect(await subscribe(socket, {})).toMatchObject({ ok: true });
    const told = new Promise<void>((resolve) => socket.once('session:revoked', () => resolve()));
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const started = Date.now();
    await revokeDisplay(app.ctx.db, app.ctx.revocations, display.displayId, new Date());
    await told;
    expect(await dropped).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(2_000);

    const again = await open({ auth: { token: display.secret } });
    expect(again.error?.message).toBe('unauthorized');
    again.socket.close();
  });

  it('drops a socket whose credential was revoked without an announcement (the admin CLI, another node)', async () => {
    const display = await pairedDisplay(app.ctx, 'r1c2');
    const { socket } = await open({ auth: { token: display.secret } });
    expect(await subscribe(socket, {})).toMatchObject({ ok: true });
    const told = new Promise<void>((resolve) => socket.once('session:revoked', () => resolve()));
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // No bus to tell: only the stored revocation.
    await revokeDisplay(app.ctx.db, null, display.displayId, new Date());
    await told;
    expect(await dropped).toBe('io server disconnect');
  });

  it('moves a display to another screen: its page is told to reload, and it reads the new screen only', async () => {
    const display = await pairedDisplay(app.ctx, 'r1c4'); // health
    const { socket } = await open({ auth: { token: display.secret } });
    expect(await subscribe(socket, { block: 'health' })).toMatchObject({ ok: true });
    const told = new Promise<void>((resolve) => socket.once('session:changed', () => resolve()));
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const moved = await changeDisplay(app.ctx.db, app.ctx.revocations, display.displayId, { screen: 'r3c3' });
    expect(moved).toMatchObject({ ok: true, screen: 'r3c3', moved: true });
    await told;
    // The old socket's grant goes with it; the same credential reconnects with the education block's.
    expect(await dropped).toBe('io server disconnect');
    const again = await open({ auth: { token: display.secret } });
    expect(again.error).toBeUndefined();
    expect(await subscribe(again.socket, { block: 'education' })).toMatchObject({ ok: true });
    expect(await subscribe(again.socket, { block: 'health' })).toMatchObject({ ok: false });
    again.socket.close();

    expect(
      await changeDisplay(app.ctx.db, app.ctx.revocations, display.displayId, { screen: 'r9c9' }),
    ).toMatchObject({ ok: false, status: 400, errors: [{ field: 'screen' }] });
    await revokeDisplay(app.ctx.db, app.ctx.revocations, display.displayId, new Date());
    expect(
      await changeDisplay(app.ctx.db, app.ctx.revocations, display.displayId, { name: 'x' }),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});
