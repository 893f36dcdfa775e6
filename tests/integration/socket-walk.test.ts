import { readFileSync } from 'node:fs';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '@/lib/app/create-app';
import type { Role } from '@/lib/domain/access';
import { issueCredential } from '@/lib/identity/issue-credential';
import {
  scopeKeyOf,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeAck,
  type WallScope,
} from '@/lib/realtime/contract';
import { grantDisplay, personalToken } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

/**
 * The socket half of issue 13's walk: every client→server event of the contract is listed here with what it
 * allows; a connection needs a credential, and each subscription is decided by can() on the asked scope.
 */

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// Every event a client may send. Adding one to the contract fails the build (type below) and this test (source
// scan) until it is listed here and walked.
const CLIENT_EVENTS = [
  'wall:subscribe',
  'wall:unsubscribe',
] as const satisfies readonly (keyof ClientToServerEvents)[];
type Unlisted = Exclude<keyof ClientToServerEvents, (typeof CLIENT_EVENTS)[number]>;
const everyEventListed: [Unlisted] extends [never] ? true : false = true;

/** The event names in `interface ClientToServerEvents { … }` of the contract's source. */
function contractEvents(): string[] {
  const source = readFileSync(path.join(process.cwd(), 'lib/realtime/contract.ts'), 'utf8');
  const body = /export interface ClientToServerEvents \{([\s\S]*?)\n\}/.exec(source)?.[1];
  if (!body) throw new Error('ClientToServerEvents not found in lib/realtime/contract.ts');
  return [...body.matchAll(/^\s*'([^']+)'\s*:/gm)].map((m) => m[1]!);
}

let app: App;
let home = '';
let otherTown = '';

beforeAll(async () => {
  app = await createWholeTestApp({
    hubs: { live: { flushMs: 30, tickMs: 60_000 }, timers: { live: false, panels: false } },
    realtime: { listen: { port: 0, host: '127.0.0.1' } },
  });
  await app.start();
  [home = '', otherTown = ''] = [...app.ctx.reference.municipalities.keys()];
  expect(home && otherTown).toBeTruthy();
}, 60_000);
afterAll(() => app?.close());

function open(options: Parameters<typeof connect>[1] = {}): Promise<{ socket: Client; error?: Error }> {
  const socket: Client = connect(app.url!, { transports: ['websocket'], reconnection: false, ...options });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error) => resolve({ socket, error }));
  });
}

async function opened(token: string): Promise<Client> {
  const { socket, error } = await open({ auth: { token } });
  if (error) {
    socket.close();
    throw error;
  }
  return socket;
}

const subscribe = (socket: Client, scope: WallScope, panel = false) =>
  new Promise<SubscribeAck>((resolve) => socket.emit('wall:subscribe', { scope, panel }, resolve));

async function expectRefused(socket: Client, scope: WallScope, what: string, panel = false): Promise<void> {
  const ack = await subscribe(socket, scope, panel);
  expect(ack, what).toMatchObject({ ok: false });
  expect((ack as { error: string }).error, what).toMatch(/^forbidden: /);
}

async function expectAllowed(socket: Client, scope: WallScope, what: string): Promise<void> {
  expect(await subscribe(socket, scope), what).toMatchObject({ ok: true });
}

describe('the socket contract', () => {
  it('lists every client→server event', () => {
    expect(everyEventListed).toBe(true);
    expect(contractEvents().sort()).toEqual([...CLIENT_EVENTS].sort());
  });
});

describe('connecting', () => {
  it('refuses a connection without a credential, with a forged one, and with a malformed one', async () => {
    for (const auth of [undefined, { token: 'cur_dsp_forged0000000000' }, { token: 'nonsense' }]) {
      const { socket, error } = await open(auth ? { auth } : {});
      expect(error?.message, JSON.stringify(auth)).toBe('unauthorized');
      socket.close();
    }
    const cookie = await open({ extraHeaders: { cookie: 'cur_display=cur_dsp_forged0000000000' } });
    expect(cookie.error?.message).toBe('unauthorized');
    cookie.socket.close();
  });

  it('a source key reads no live scope', async () => {
    const { secret } = await issueCredential(app.ctx.db, {
      kind: 'source',
      sourceCode: 'dobrodel',
      label: 'socket walk',
      createdBy: 'test',
    });
    const { socket, error } = await open({ auth: { token: secret } });
    if (!error) {
      await expectRefused(socket, {}, 'source key, region');
      await expectRefused(socket, { block: 'health' }, 'source key, a block');
    } else expect(error.message).toBe('unauthorized');
    socket.close();
  });
});

describe('wall:subscribe is decided by can() on the asked scope', () => {
  it('a display for a block may read that block only, not another, not the region', async () => {
    // r1c4 of the default layout shows the health block.
    const socket = await opened(await grantDisplay(app.ctx, 'r1c4'));
    await expectAllowed(socket, { block: 'health' }, 'own block');
    await expectAllowed(socket, { block: 'health', municipality: home }, 'own block in a town');
    await expectRefused(socket, { block: 'education' }, 'another block');
    await expectRefused(socket, {}, 'the whole region');
    await expectRefused(socket, { municipality: home }, 'a whole town');
    socket.close();
  });

  it('a region display may read any scope', async () => {
    const socket = await opened(await grantDisplay(app.ctx, 'r1c2'));
    await expectAllowed(socket, {}, 'region');
    await expectAllowed(socket, { block: 'education' }, 'a block');
    await expectAllowed(socket, { municipality: home }, 'a town');
    socket.close();
  });

  it('admins, operators and analysts may read any scope', async () => {
    for (const role of ['admin', 'operator', 'analyst'] as const) {
      const socket = await opened(await personalToken(app.ctx, role));
      await expectAllowed(socket, {}, `${role}: region`);
      await expectAllowed(socket, { block: 'health' }, `${role}: a block`);
      await expectAllowed(socket, { municipality: home, block: 'housing' }, `${role}: a block in a town`);
      socket.close();
    }
  });

  it('a block lead reads their blocks only; a municipal user their municipalities only', async () => {
    const lead = await opened(await personalToken(app.ctx, 'block_lead', ['health']));
    await expectAllowed(lead, { block: 'health' }, 'lead: own block');
    await expectAllowed(lead, { block: 'health' }, 'lead: own block again');
    await expectRefused(lead, { block: 'social' }, 'lead: another block');
    await expectRefused(lead, {}, 'lead: region');
    lead.close();

    const municipal = await opened(await personalToken(app.ctx, 'municipal', [home]));
    await expectAllowed(municipal, { municipality: home }, 'municipal: own town');
    await expectAllowed(municipal, { municipality: home, block: 'health' }, 'municipal: a block of own town');
    await expectRefused(municipal, { municipality: otherTown }, 'municipal: another town');
    await expectRefused(municipal, { block: 'health' }, 'municipal: a block region-wide');
    await expectRefused(municipal, {}, 'municipal: region');
    municipal.close();
  });

  it('an executor reads no live scope', async () => {
    const executor = [...app.ctx.reference.executors.keys()][0]!;
    const { socket, error } = await open({
      auth: { token: await personalToken(app.ctx, 'executor', [executor]) },
    });
    if (!error) {
      await expectRefused(socket, {}, 'executor: region');
      await expectRefused(socket, { block: 'housing' }, 'executor: a block');
    } else expect(error.message).toBe('unauthorized');
    socket.close();
  });

  it('a refused subscription delivers no snapshot', async () => {
    const socket = await opened(await grantDisplay(app.ctx, 'r1c4'));
    let snapshots = 0;
    socket.on('wall:snapshot', () => (snapshots += 1));
    socket.on('panel:update', () => (snapshots += 1));
    await expectRefused(socket, { block: 'education' }, 'another block');
    await expectRefused(socket, { block: 'education' }, 'another block, with its panel', true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(snapshots).toBe(0);
    socket.close();
  });
});

describe('wall:unsubscribe', () => {
  it('leaves a scope, ignores junk, and never opens one the actor may not read', async () => {
    const socket = await opened(await grantDisplay(app.ctx, 'r1c4'));
    const ack = await subscribe(socket, { block: 'health' });
    expect(ack).toMatchObject({ ok: true });
    socket.emit('wall:unsubscribe', (ack as { scopeKey: string }).scopeKey);
    (socket.emit as (event: string, ...args: unknown[]) => void)('wall:unsubscribe', { scope: {} });
    socket.emit('wall:unsubscribe', scopeKeyOf({ block: 'education' }));
    await expectRefused(socket, { block: 'education' }, 'still another block');
    await expectAllowed(socket, { block: 'health' }, 'own block again');
    expect(socket.connected).toBe(true);
    socket.close();
  });
});

// Every role is walked above; keep the list of roles honest if a role is added.
const WALKED: readonly Role[] = ['admin', 'operator', 'analyst', 'block_lead', 'municipal', 'executor'];
describe('roles', () => {
  it('walks every role', async () => {
    const { ROLES } = await import('@/lib/domain/access');
    expect([...WALKED].sort()).toEqual([...ROLES].sort());
  });
});
