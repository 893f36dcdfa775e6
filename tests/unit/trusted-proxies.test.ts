import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/lib/config';
import { createProxyTrust, parseTrustedProxies } from '@/lib/limits/trusted-proxies';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/client-address';
import { createPerimeter } from '@/lib/server/perimeter';

const trust = (list: string) => createProxyTrust(parseTrustedProxies(list));

describe('TRUSTED_PROXIES', () => {
  it('reads the client from X-Forwarded-For only when the peer is a trusted balancer', () => {
    const t = trust('10.0.0.5,192.168.1.0/24');
    expect(t.clientAddress('10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(t.clientAddress('192.168.1.77', '203.0.113.7')).toBe('203.0.113.7');
    // Anyone else naming a client is ignored: the socket's peer is the client.
    expect(t.clientAddress('198.51.100.9', '127.0.0.1')).toBe('198.51.100.9');
    // Unset: nobody is trusted.
    expect(createProxyTrust(parseTrustedProxies(undefined)).clientAddress('10.0.0.5', '1.2.3.4')).toBe(
      '10.0.0.5',
    );
  });

  it('takes the rightmost untrusted hop, so what a client wrote at the left never counts', () => {
    const t = trust('10.0.0.0/8');
    // The client sent "X-Forwarded-For: 127.0.0.1" itself; the balancer appended the real address.
    expect(t.clientAddress('10.0.0.5', '127.0.0.1, 203.0.113.7')).toBe('203.0.113.7');
    // Two balancers of ours in a row.
    expect(t.clientAddress('10.0.0.5', '203.0.113.7, 10.0.0.9')).toBe('203.0.113.7');
    expect(t.clientAddress('10.0.0.5', ['198.51.100.1', '203.0.113.7'])).toBe('203.0.113.7');
    // A junk hop where the balancer's entry should be: the peer, never the junk.
    expect(t.clientAddress('10.0.0.5', 'unknown')).toBe('10.0.0.5');
    // An IPv4 peer on a dual-stack socket.
    expect(t.clientAddress('::ffff:10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('refuses a bad entry at start, naming it', () => {
    expect(() => parseTrustedProxies('10.0.0.5,10.0.0.0/33')).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies('balancer.local')).toThrow(/balancer\.local/);
    expect(() => loadConfig({ TRUSTED_PROXIES: '300.1.1.1' }, [])).toThrow(ConfigError);
    expect(loadConfig({ TRUSTED_PROXIES: '127.0.0.1,::1' }, []).TRUSTED_PROXIES).toBe('127.0.0.1,::1');
  });
});

function request(peer: string, headers: Record<string, string>): IncomingMessage {
  return {
    method: 'POST',
    url: '/api/v1/complaints',
    headers: { host: 'localhost:3000', ...headers },
    socket: { remoteAddress: peer, localPort: 3000 },
  } as unknown as IncomingMessage;
}

function response(): ServerResponse & { status?: number } {
  const res = {
    setHeader: () => res,
    writeHead(status: number) {
      res.status = status;
      return res;
    },
    end: () => res,
  } as unknown as ServerResponse & { status?: number };
  return res;
}

describe('the perimeter behind a balancer on the same machine', () => {
  it('rate-limits the forwarded client, not the loopback balancer, and hands its address on', () => {
    const perimeter = createPerimeter({ writesPerMinute: 2, trustedProxies: '127.0.0.1' });
    const fromClient = () => request('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' });
    const first = fromClient();
    expect(perimeter.admit(first, response())).toBe(true);
    expect(first.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.7');
    expect(perimeter.admit(fromClient(), response())).toBe(true);
    const third = response();
    expect(perimeter.admit(fromClient(), third)).toBe(false);
    expect(third.status).toBe(429);
    // Untrusted, the same loopback peer is itself the client and exempt: the limit follows the trust.
    const open = createPerimeter({ writesPerMinute: 2 });
    for (let i = 0; i < 5; i++) expect(open.admit(fromClient(), response())).toBe(true);
  });
});
