import { isIPv4, isIPv6 } from 'node:net';

/**
 * Why an IP address may not be called from this server, or null for an ordinary public address. Ranges from
 * RFC 6890 and the IANA special-purpose registries that reach this host, its private networks or a cloud's
 * metadata service; an IPv6 address that carries an IPv4 one (mapped, compatible, NAT64, 6to4) is judged by
 * the IPv4 address inside, since that is where the packets end up.
 */
export function forbiddenAddressReason(address: string): string | null {
  if (isIPv4(address)) return ipv4Reason(ipv4Octets(address));
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv6(bare)) return ipv6Reason(ipv6Words(bare));
  return 'not an IP address';
}

function ipv4Octets(address: string): number[] {
  return address.split('.').map(Number);
}

const IPV4_RULES: { prefix: number[]; bits: number; reason: string }[] = [
  { prefix: [0, 0, 0, 0], bits: 8, reason: '"this network" address (0.0.0.0/8)' },
  { prefix: [10, 0, 0, 0], bits: 8, reason: 'private address (10.0.0.0/8)' },
  { prefix: [100, 64, 0, 0], bits: 10, reason: 'carrier-grade NAT address (100.64.0.0/10)' },
  { prefix: [127, 0, 0, 0], bits: 8, reason: 'loopback address (127.0.0.0/8)' },
  { prefix: [169, 254, 169, 254], bits: 32, reason: 'cloud metadata address (169.254.169.254)' },
  { prefix: [169, 254, 0, 0], bits: 16, reason: 'link-local address (169.254.0.0/16)' },
  { prefix: [172, 16, 0, 0], bits: 12, reason: 'private address (172.16.0.0/12)' },
  { prefix: [192, 0, 0, 0], bits: 24, reason: 'IETF protocol address (192.0.0.0/24)' },
  { prefix: [192, 168, 0, 0], bits: 16, reason: 'private address (192.168.0.0/16)' },
  { prefix: [198, 18, 0, 0], bits: 15, reason: 'benchmarking address (198.18.0.0/15)' },
  { prefix: [224, 0, 0, 0], bits: 4, reason: 'multicast address (224.0.0.0/4)' },
  { prefix: [240, 0, 0, 0], bits: 4, reason: 'reserved address (240.0.0.0/4)' },
];

const toInt = (o: number[]) => ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;

function ipv4Reason(octets: number[]): string | null {
  const value = toInt(octets);
  for (const rule of IPV4_RULES) {
    const mask = rule.bits === 0 ? 0 : (0xffffffff << (32 - rule.bits)) >>> 0;
    if ((value & mask) >>> 0 === (toInt(rule.prefix) & mask) >>> 0) return rule.reason;
  }
  return null;
}

/** The eight 16-bit words of an IPv6 address (a trailing dotted IPv4 part becomes the last two). */
/** The eight 16-bit words of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 folded in). */
export function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = ipv4Octets(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(':').map((w) => parseInt(w, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? [] : Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

const embeddedIpv4 = (w: number[], hi: number) => [
  w[hi]! >> 8,
  w[hi]! & 255,
  w[hi + 1]! >> 8,
  w[hi + 1]! & 255,
];

function ipv6Reason(w: number[]): string | null {
  const firstSixZero = w.slice(0, 6).every((x) => x === 0);
  if (firstSixZero && w[6] === 0 && w[7] === 0) return 'unspecified address (::)';
  if (firstSixZero && w[6] === 0 && w[7] === 1) return 'loopback address (::1)';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64): the IPv4 address decides.
  const mapped = w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff;
  const nat64 = w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0);
  if (mapped || firstSixZero || nat64) {
    const inner = ipv4Reason(embeddedIpv4(w, 6));
    return inner ? `${inner} inside an IPv6 address` : null;
  }
  if (w[0] === 0x2002) {
    const inner = ipv4Reason(embeddedIpv4(w, 1));
    return inner ? `${inner} inside a 6to4 address` : null;
  }
  const first = w[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private address (fc00::/7)';
  if ((first & 0xffc0) === 0xfe80) return 'link-local address (fe80::/10)';
  if ((first & 0xffc0) === 0xfec0) return 'site-local address (fec0::/10)';
  if ((first & 0xff00) === 0xff00) return 'multicast address (ff00::/8)';
  if (first === 0x2001 && w[1] === 0x0db8) return 'documentation address (2001:db8::/32)';
  if (first === 0x0100 && w.slice(1, 4).every((x) => x === 0)) return 'discard address (100::/64)';
  return null;
}
