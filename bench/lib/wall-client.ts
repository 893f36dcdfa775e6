/**
 * A wall screen as the bench sees it: one Socket.IO connection (websocket only, no shared manager), subscribed
 * to the whole region, recording when each delta arrived, the counts it carried and its size on the wire.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  WallDelta,
  WallSnapshot,
} from '../../lib/realtime/contract';

export interface DeltaRecord {
  /** Receipt time, ms on the shared clock (performance.timeOrigin + performance.now()). */
  t: number;
  /** The serving node's epoch: every node numbers its deltas on its own. */
  epoch: string;
  seq: number;
  today: number | null;
  recentIds: number[];
  /** Size of the decoded delta: UTF-8 bytes of its JSON with binary fields counted at their raw length. */
  payloadBytes: number;
  /** Bytes of the websocket frames that carried it: the text frame plus any binary attachment frames. */
  frameBytes: number;
}

export interface WallClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  snapshot: WallSnapshot;
  deltas: DeltaRecord[];
  /** Called on every delta after it is recorded. */
  onDelta: ((record: DeltaRecord) => void) | null;
  close: () => void;
}

/** JSON bytes of a delta with typed arrays and Buffers counted at their byte length (Buffer.toJSON would not). */
function payloadSize(delta: WallDelta): number {
  let binary = 0;
  const json = JSON.stringify(delta, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    if (original instanceof ArrayBuffer || ArrayBuffer.isView(original)) {
      binary += original.byteLength;
      return 0;
    }
    return value;
  });
  return Buffer.byteLength(json) + binary;
}

export async function connectWall(
  baseUrl: string,
  /** `token`: a display or personal token (default BENCH_TOKEN); the server refuses sockets without one. */
  opts: { recordDeltas?: boolean; token?: string } = {},
): Promise<WallClient> {
  const recordDeltas = opts.recordDeltas ?? true;
  const token = opts.token ?? process.env.BENCH_TOKEN;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    ...(token ? { auth: { token } } : {}),
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
  });
  const deltas: DeltaRecord[] = [];
  // engine.io emits 'packet' for the text frame and each binary attachment, then socket.io emits the event:
  // the frames since the previous event are this event's.
  let pendingFrameBytes = 0;
  const client: WallClient = {
    socket,
    snapshot: undefined as unknown as WallSnapshot,
    deltas,
    onDelta: null,
    close: () => socket.close(),
  };
  socket.on('wall:delta', (delta: WallDelta) => {
    const record: DeltaRecord = {
      t: performance.timeOrigin + performance.now(),
      epoch: delta.epoch,
      seq: delta.seq,
      today: delta.summary?.today ?? null,
      recentIds: delta.recent?.map((r) => r.id) ?? [],
      payloadBytes: recordDeltas ? payloadSize(delta) : 0,
      frameBytes: pendingFrameBytes,
    };
    pendingFrameBytes = 0;
    if (recordDeltas) deltas.push(record);
    client.onDelta?.(record);
  });
  if (recordDeltas) {
    socket.io.on('open', () => {
      socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
        // A text frame is the engine.io type digit followed by the socket.io packet.
        if (packet.type !== 'message') return;
        if (typeof packet.data === 'string') pendingFrameBytes += 1 + Buffer.byteLength(packet.data);
        else if (packet.data instanceof ArrayBuffer || ArrayBuffer.isView(packet.data))
          pendingFrameBytes += packet.data.byteLength;
      });
    });
  }
  const snapshot = new Promise<WallSnapshot>((resolve, reject) => {
    socket.once('wall:snapshot', (snap) => {
      pendingFrameBytes = 0;
      resolve(snap);
    });
    socket.once('connect_error', reject);
    setTimeout(() => reject(new Error('no wall:snapshot within 30 s')), 30_000).unref();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await new Promise<SubscribeAck>((resolve) =>
    socket.emit('wall:subscribe', { scope: {} }, resolve),
  );
  if (!ack.ok) throw new Error(`wall:subscribe refused: ${ack.error}`);
  client.snapshot = await snapshot;
  return client;
}
