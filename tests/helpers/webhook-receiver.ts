import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the receiver answers one request: an HTTP answer, or never (to exercise the sender's timeout). */
export type ScriptedReply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface ReceivedRequest {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the body had arrived. */
  at: number;
}

/**
 * A real HTTP server on an ephemeral loopback port that answers each path from a script (the last reply of a
 * path repeats; an unscripted path answers 200) and records every request it gets.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, ScriptedReply[]>();
  private server: Server | null = null;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.requests.push({
          path,
          method: req.method ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: performance.now(),
        });
        const reply = this.next(path);
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://${this.host}${path}`;
  }

  /** `127.0.0.1:<port>`: what a test puts in EGRESS_ALLOW_HOSTS so the egress guard lets this receiver in. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Replaces the script of a path. */
  script(path: string, replies: ScriptedReply[]): void {
    this.scripts.set(path, [...replies]);
  }

  to(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  reset(): void {
    this.requests.length = 0;
    this.scripts.clear();
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private next(path: string): ScriptedReply {
    // A script for a path without its query also answers that path with any query (a feed's date windows).
    const replies = this.scripts.get(path) ?? this.scripts.get(path.split('?')[0]!);
    if (!replies || replies.length === 0) return { status: 200, body: 'ok' };
    return replies.length > 1 ? replies.shift()! : replies[0]!;
  }
}
