/**
 * Child process of the fan-out phase: N wall screens (one websocket each), kept out of the driver so that
 * their parsing does not delay the driver's own timestamps. Receipt times use the machine's clock
 * (performance.timeOrigin + performance.now()), the same one the driver stamps HTTP answers with, and go back
 * over IPC grouped by the serving node's epoch and delta seq (every screen of one scope on one node receives the
 * same numbered deltas; each node numbers its own).
 */
import { connectWall, type WallClient } from './lib/wall-client';

/** `token`: the credential the screens connect with (else BENCH_TOKEN from the environment). */
type FromParent = { type: 'start'; url: string; clients: number; token?: string } | { type: 'report' };

export type FanoutMessage =
  | { type: 'ready'; connected: number; failed: number; errors: string[]; connectSeconds: number }
  | {
      type: 'deltas';
      clients: number;
      disconnects: number;
      /**
       * Per node epoch and delta seq: its summary.today and each client's receipt time (null where the client
       * missed it or is on another node).
       */
      deltas: { epoch: string; seq: number; today: number | null; times: (number | null)[] }[];
    };

const WAVE = 50;
const clients: WallClient[] = [];
const bySeq = new Map<
  string,
  { epoch: string; seq: number; today: number | null; times: (number | null)[] }
>();
let disconnects = 0;

function send(message: FanoutMessage): void {
  process.send?.(message);
}

async function start(url: string, count: number, token?: string): Promise<void> {
  const t0 = Date.now();
  let failed = 0;
  const errors: string[] = [];
  // Waves, not 500 at once: a thundering herd of handshakes would measure the connect storm instead.
  for (let i = 0; i < count; i += WAVE) {
    const wave = await Promise.allSettled(
      Array.from({ length: Math.min(WAVE, count - i) }, () =>
        connectWall(url, { recordDeltas: false, token }),
      ),
    );
    for (const r of wave) {
      if (r.status === 'rejected') {
        failed++;
        if (errors.length < 3) errors.push(String(r.reason));
        continue;
      }
      const index = clients.length;
      const client = r.value;
      clients.push(client);
      client.socket.on('disconnect', () => disconnects++);
      client.onDelta = (d) => {
        const key = `${d.epoch}|${d.seq}`;
        let entry = bySeq.get(key);
        if (!entry) bySeq.set(key, (entry = { epoch: d.epoch, seq: d.seq, today: d.today, times: [] }));
        entry.times[index] = d.t;
      };
    }
  }
  send({
    type: 'ready',
    connected: clients.length,
    failed,
    errors,
    connectSeconds: (Date.now() - t0) / 1000,
  });
}

process.on('message', (message: FromParent) => {
  if (message.type === 'start') {
    start(message.url, message.clients, message.token).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  } else if (message.type === 'report') {
    const deltas = [...bySeq.values()]
      .sort((a, b) => (a.epoch === b.epoch ? a.seq - b.seq : a.epoch < b.epoch ? -1 : 1))
      .map((e) => ({ ...e, times: clients.map((_c, i) => e.times[i] ?? null) }));
    send({ type: 'deltas', clients: clients.length, disconnects, deltas });
    for (const c of clients) c.close();
    // Let the IPC message flush before leaving.
    setTimeout(() => process.exit(0), 200);
  }
});
// Never outlive the driver.
process.on('disconnect', () => process.exit(0));
