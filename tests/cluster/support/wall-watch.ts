/**
 * A wall screen as the cluster tests see it: one Socket.IO client subscribed to the whole region, recording the
 * summary numbers of every snapshot and delta with their receipt time (Date.now(), the clock PostgreSQL's
 * clock_timestamp() uses on this machine), reconnecting by itself like the browser's client and subscribing
 * again with its last epoch and seq (the node resumes or sends a fresh snapshot).
 */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerStatus,
  ServerToClientEvents,
  WallDelta,
  WallSnapshot,
} from '../../../lib/realtime/contract';

export interface WallNumbers {
  today: number;
  open: number;
  overdue: number;
}

export interface WallUpdate extends WallNumbers {
  t: number;
  via: 'snapshot' | 'delta';
  epoch: string;
  seq: number;
}

export interface WallWatch {
  name: string;
  updates: WallUpdate[];
  latest(): WallUpdate | undefined;
  /** The node it is connected to: from `server:status`, else the balancer's CURNODE cookie. */
  node(): string | undefined;
  connected(): boolean;
  disconnects: number;
  /** Subscriptions after the first (each answered by a snapshot or a replay). */
  resubscribes: number;
  close(): void;
}

export interface WatchOptions {
  name: string;
  token: string;
  /**
   * `browser`: polling first, then the upgrade, with a cookie jar (what a browser does: the balancer's sticky
   * cookie must hold for the polling requests and the upgrade). `polling`: long-polling only (a browser behind
   * a proxy that refuses WebSockets), with the jar. `websocket`: a WebSocket only.
   */
  mode: 'browser' | 'polling' | 'websocket';
}

const numbersOf = (s: { today: number; open: number; overdue: number }): WallNumbers => ({
  today: s.today,
  open: s.open,
  overdue: s.overdue,
});

export function sameNumbers(a: WallNumbers | undefined, b: WallNumbers): boolean {
  return !!a && a.today === b.today && a.open === b.open && a.overdue === b.overdue;
}

export async function watchWall(url: string, options: WatchOptions): Promise<WallWatch> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth: { token: options.token },
    forceNew: true,
    transports: { browser: ['polling', 'websocket'], polling: ['polling'], websocket: ['websocket'] }[
      options.mode
    ],
    // engine.io-client keeps cookies in Node only with withCredentials: the balancer's CURNODE among them.
    withCredentials: options.mode !== 'websocket',
    reconnection: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
    randomizationFactor: 0.2,
    timeout: 10_000,
  });
  const updates: WallUpdate[] = [];
  let statusNode: string | undefined;
  let subscriptions = 0;
  const watch: WallWatch = {
    name: options.name,
    updates,
    latest: () => updates.at(-1),
    node: () => statusNode ?? cookieNode(socket),
    connected: () => socket.connected,
    disconnects: 0,
    resubscribes: 0,
    close: () => socket.close(),
  };
  const record = (via: WallUpdate['via'], m: WallSnapshot | WallDelta) =>
    updates.push({ t: Date.now(), via, epoch: m.epoch, seq: m.seq, ...numbersOf(m.summary) });

  socket.on('wall:snapshot', (snap) => record('snapshot', snap));
  socket.on('wall:delta', (delta) => record('delta', delta));
  socket.on('server:status', (status: ServerStatus) => {
    statusNode = status.node;
  });
  socket.on('disconnect', () => {
    watch.disconnects++;
    statusNode = undefined;
  });

  const firstSnapshot = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name}: no wall:snapshot within 30 s`)),
      30_000,
    );
    socket.once('wall:snapshot', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  socket.on('connect', () => {
    const last = updates.at(-1);
    if (subscriptions++ > 0) watch.resubscribes++;
    socket.emit(
      'wall:subscribe',
      { scope: {}, ...(last ? { resume: { epoch: last.epoch, seq: last.seq } } : {}) },
      (ack) => {
        if (!ack.ok) console.error(`${options.name}: wall:subscribe refused: ${ack.error}`);
      },
    );
  });
  await firstSnapshot;
  return watch;
}

/** The balancer's sticky cookie in engine.io-client's jar (not a public API: a test's second opinion only). */
function cookieNode(socket: Socket): string | undefined {
  const engine = socket.io.engine as unknown as {
    _cookieJar?: { cookies: Iterable<[string, { value: string }]> };
  };
  for (const [name, cookie] of engine?._cookieJar?.cookies ?? []) if (name === 'CURNODE') return cookie.value;
  return undefined;
}
