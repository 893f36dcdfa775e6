import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { allowedHostsFromEnv, isAllowedHost, type AllowedHost } from './allow-list';
import { forbiddenAddressReason } from './classify-address';

/** Every address a host name resolves to, as node:dns lookup with `all` gives them. */
export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export interface EgressOptions {
  /** Default: EGRESS_ALLOW_HOSTS as it is now. */
  allow?: AllowedHost[];
  /** Default: node:dns lookup (the system resolver, /etc/hosts included). */
  lookup?: LookupAll;
}

/** Where a request may go: the URL and the one address that was checked, to connect to and nowhere else. */
export interface EgressTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** The guard said no; `reason` is a short sentence for a field error or a delivery log, without "refused". */
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
  }
}

export function isEgressRefusal(error: unknown): error is EgressRefusedError {
  return error instanceof EgressRefusedError;
}

const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** URL.hostname without IPv6 brackets. */
const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function parse(input: string | URL): URL | string {
  try {
    return new URL(input);
  } catch {
    return 'is not a URL';
  }
}

/**
 * What can be said without DNS: the scheme, a literal IP (the URL parser has already read decimal, octal and
 * hex forms such as 2130706433, 0177.0.0.1 and 0x7f.1 as 127.0.0.1, and IPv6 forms canonically), and names
 * that always mean this machine. Null when nothing is wrong yet; `resolveEgress` still checks the DNS answer.
 */
export function staticEgressRefusal(input: string | URL, allow = allowedHostsFromEnv()): string | null {
  const url = parse(input);
  if (typeof url === 'string') return url;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs may be called';
  if (isAllowedHost(url, allow)) return null;
  // `localhost.` is localhost: the root's trailing dot changes nothing for the resolver.
  const host = bareHost(url).replace(/\.$/, '');
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    return reason ? `${url.hostname} is a ${reason}` : null;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain')
    return `${host} names this server`;
  return null;
}

/**
 * The guard every outbound request goes through: refuses unless every address the host resolves to is public
 * (or the exact host is in EGRESS_ALLOW_HOSTS), and returns the address to connect to, so that no second DNS
 * answer (a rebinding attack) can send the request elsewhere. A host that does not resolve is a network
 * error (plain Error, worth retrying), not a refusal.
 */
export async function resolveEgress(input: string | URL, options: EgressOptions = {}): Promise<EgressTarget> {
  const allow = options.allow ?? allowedHostsFromEnv();
  const refusal = staticEgressRefusal(input, allow);
  if (refusal) throw new EgressRefusedError(refusal);
  const url = new URL(input);
  const host = bareHost(url);
  const family = isIP(host);
  if (family === 4 || family === 6) return { url, address: host, family };
  const answers = await (options.lookup ?? defaultLookup)(host);
  if (answers.length === 0) throw new Error(`${host} has no address`);
  if (!isAllowedHost(url, allow)) {
    for (const { address } of answers) {
      const reason = forbiddenAddressReason(address);
      // One internal answer refuses the host: a round-robin mix must not let every few requests inside.
      if (reason) throw new EgressRefusedError(`${host} resolves to ${address}, a ${reason}`);
    }
  }
  const first = answers[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * For validating a configured URL (a webhook at PUT time): the refusal, or null. A host that does not resolve
 * now is accepted (its DNS may come later); it is checked again before every request.
 */
export async function egressRefusal(
  input: string | URL,
  options: EgressOptions = {},
): Promise<string | null> {
  try {
    await resolveEgress(input, options);
    return null;
  } catch (error) {
    return isEgressRefusal(error) ? error.reason : null;
  }
}
