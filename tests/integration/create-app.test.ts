import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { getApp } from '@/lib/server/app-registry';
import {
  scopeKeyOf,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
} from '@/lib/realtime/contract';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { aComplaint } from '../helpers/complaint-factory';
import { grantDisplay } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

describe('createApp', () => {
  it('with every part the server takes, answers a wall subscription, then closes all of it once', async () => {
    const app = await createWholeTestApp({
      register: { buildId: 'smoke' },
      realtime: { listen: { port: 0, host: '127.0.0.1' } },
      warmUpClassifier: true,
      slaClock: true,
      webhooks: true,
    });
    expect(getApp().buildId).toBe('smoke');
    expect(app.url).toBeNull();
    await app.start();
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(app.url!, {
      auth: { token: await grantDisplay(app.ctx) },
      transports: ['websocket'],
    });
    const snapshot = new Promise((resolve) => socket.once('wall:snapshot', resolve));
    const ack = await new Promise<SubscribeAck>((resolve) =>
      socket.on('connect', () => socket.emit('wall:subscribe', { scope: {} }, resolve)),
    );
    expect(ack).toMatchObject({ ok: true, scopeKey: scopeKeyOf({}) });
    await expect(snapshot).resolves.toMatchObject({ seq: expect.any(Number) });
    socket.close();

    expect(await app.ensureHistory()).toBe('none');
    await Promise.all([app.close(), app.close()]);
    expect(() => getApp()).toThrow(/not initialised/);
  });

  it('sends a screen the arrival masked, never the resident’s phone or name', async () => {
    const app = await createWholeTestApp({ realtime: { listen: { port: 0, host: '127.0.0.1' } } });
    await app.start();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(app.url!, {
      auth: { token: await grantDisplay(app.ctx) },
      transports: ['websocket'],
    });
    try {
      await new Promise<SubscribeAck>((resolve) =>
        socket.on('connect', () => socket.emit('wall:subscribe', { scope: {} }, resolve)),
      );
      const delta = new Promise<{ recent: { excerpt: string }[] }>((resolve) =>
        socket.on('wall:delta', (d) => {
          if (d.recent.length > 0) resolve(d);
        }),
      );
      const text = 'Нет горячей воды. Иванов Пётр Сергеевич, тел. 8 916 123-45-67';
      const [result] = await recordComplaints(app.ctx, [aComplaint({ text })]);
      expect(result!.status).toBe('created');
      const { recent } = await delta;
      expect(recent[0]!.excerpt).toContain('Нет горячей воды');
      expect(recent[0]!.excerpt).not.toContain('123-45-67');
      expect(recent[0]!.excerpt).not.toContain('Иванов');
    } finally {
      socket.close();
      await app.close();
    }
  });
});
