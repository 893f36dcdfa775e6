import { BlockList, isIP } from 'node:net';

/**
 * Behind a load balancer every connection comes from the balancer: the per-address write limit, the audit log
 * and the loopback exemption would all see its address (and a balancer on this machine would make every
 * client "loopback"). TRUSTED_PROXIES names the balancers; from them, and only from them, the client is read
 * from X-Forwarded-For, which the edge balancer sets (deploy/haproxy.cfg) and inner proxies append to. The
 * entries are read from the right, skipping trusted proxies, so a value a client wrote itself at the left of an
 * appended header never counts.
 */
export interface ProxyTrust {
  /** The client's address: the socket peer, or the forwarded one when the peer is a trusted proxy. */
  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string | undefined;
}

/** `::ffff:10.0.0.5` (IPv4 on a dual-stack socket) is 10.0.0.5. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** Parses `10.0.0.5,10.1.0.0/16,::1`; throws naming the first bad entry. */
export function parseTrustedProxies(text: string | undefined): BlockList | null {
  const entries = (text ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`${JSON.stringify(entry)} is not an IP address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/24)`);
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export function createProxyTrust(list: BlockList | null): ProxyTrust {
  return {
    clientAddress(peer, forwardedFor) {
      if (!list || !peer || !trusted(list, plain(peer))) return peer;
      const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
      const hops = (header ?? '')
        .split(',')
        .map((h) => plain(h.trim()))
        .filter(Boolean);
      // From the right: the balancer appended the address it saw; anything to its left the client could write.
      for (let i = hops.length - 1; i >= 0; i--) {
        const hop = hops[i]!;
        if (isIP(hop) === 0) return peer;
        if (!trusted(list, hop)) return hop;
      }
      // Every hop is a proxy of ours (a health check, a chain of our own balancers): the first one is the client.
      return hops[0] ?? peer;
    },
  };
}
