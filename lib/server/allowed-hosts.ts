import os from 'node:os';

/**
 * Which Host headers (and Origins, compared the same scheme-less way) this server answers. A browser sends the
 * name it resolved: refusing every name but ours defeats DNS rebinding, where an attacker's name is made to
 * point at the center's LAN address and their page then reads our API as its own origin.
 */

/** A host as compared: lower case, IPv6 in brackets, no trailing dot; the port when one was given. */
export interface HostPort {
  host: string;
  port: number | null;
}

/** `listening`: the port the request came in on (the default names); `any`: a configured name without port. */
interface AllowedHost {
  host: string;
  port: number | 'any' | 'listening';
}

const NAME = /^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const PORT = /^\d{1,5}$/;

/** Parses `host`, `host:port`, `[v6]` or `[v6]:port`; null for anything else (a bare IPv6, junk, a bad port). */
export function parseHostPort(value: string): HostPort | null {
  const text = value.trim().toLowerCase();
  let host: string;
  let portText: string | null = null;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) return null;
    host = text.slice(0, end + 1);
    const rest = text.slice(end + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return null;
      portText = rest.slice(1);
    }
    if (!IPV6.test(host)) return null;
  } else {
    const colon = text.indexOf(':');
    if (colon !== text.lastIndexOf(':')) return null;
    host = colon < 0 ? text : text.slice(0, colon);
    portText = colon < 0 ? null : text.slice(colon + 1);
    // "localhost." is the same name as "localhost" to a resolver.
    if (host.endsWith('.')) host = host.slice(0, -1);
    if (!NAME.test(host)) return null;
  }
  if (portText === null) return { host, port: null };
  const port = PORT.test(portText) ? Number(portText) : NaN;
  return port >= 1 && port <= 65535 ? { host, port } : null;
}

/** The host:port of an Origin header (`http://10.0.0.5:3000`), its scheme's port when it names none. */
export function parseOrigin(origin: string): HostPort | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const parsed = parseHostPort(url.host);
  if (!parsed) return null;
  return { host: parsed.host, port: parsed.port ?? (url.protocol === 'https:' ? 443 : 80) };
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function interfaceAddresses(): string[] {
  const names: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const address of list ?? []) {
      // A link-local IPv6 carries its zone ("fe80::1%eth0"), which browsers never send in Host.
      const ip = address.address.split('%')[0]!.toLowerCase();
      names.push(address.family === 'IPv6' ? `[${ip}]` : ip);
    }
  }
  return names;
}

/** The names a default install answers to: loopback, the machine's hostname and every interface address. */
export function defaultHostNames(): string[] {
  const names = [...LOOPBACK_NAMES, os.hostname().toLowerCase(), ...interfaceAddresses()];
  return [...new Set(names.filter((name) => parseHostPort(name)?.port === null))];
}

export interface HostMatcher {
  /** Whether a Host header (or an Origin's host:port) names this server on the port it was reached by. */
  allows(target: HostPort, listeningPort: number | undefined): boolean;
}

export interface HostMatcherOptions {
  /** ALLOWED_HOSTS entries (`name` any port, `name:port` that port); the machine's own names when absent. */
  configured?: string[];
  /** More names on the listening port (e.g. the address HOST binds to). */
  extra?: string[];
  /** How often a miss may re-read the interfaces (a DHCP lease can change the address), default 30 s. */
  refreshMs?: number;
}

/** Builds the allow-list; loopback on the listening port always passes (scripts, the PDF renderer, probes). */
export function createHostMatcher(options: HostMatcherOptions = {}): HostMatcher {
  const { configured, extra = [], refreshMs = 30_000 } = options;
  const fixed: AllowedHost[] = [...LOOPBACK_NAMES, ...extra].map((host) => ({ host, port: 'listening' }));
  for (const entry of configured ?? []) {
    const parsed = parseHostPort(entry);
    if (!parsed) throw new Error(`not a host or host:port: ${JSON.stringify(entry)}`);
    fixed.push({ host: parsed.host, port: parsed.port ?? 'any' });
  }
  // Only the defaults follow the machine: a configured list means exactly what it says.
  const followMachine = configured === undefined;
  let machine = new Set(followMachine ? defaultHostNames() : []);
  let readAt = Date.now();

  const portMatches = (allowed: AllowedHost['port'], port: number, listening: number | undefined) =>
    allowed === 'any' || (allowed === 'listening' ? port === listening : port === allowed);

  const matches = (target: HostPort, listening: number | undefined): boolean => {
    // A Host without a port means the scheme's default; this server speaks plain HTTP.
    const port = target.port ?? 80;
    if (machine.has(target.host) && port === listening) return true;
    return fixed.some((a) => a.host === target.host && portMatches(a.port, port, listening));
  };

  return {
    allows(target, listening) {
      if (matches(target, listening)) return true;
      if (!followMachine || Date.now() - readAt < refreshMs) return false;
      machine = new Set(defaultHostNames());
      readAt = Date.now();
      return matches(target, listening);
    },
  };
}
