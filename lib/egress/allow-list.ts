/**
 * EGRESS_ALLOW_HOSTS: the exact hosts (`host` or `host:port`, comma-separated) that may be called although they
 * are, or resolve to, internal addresses, e.g. `127.0.0.1:9999,hooks.internal.example`. An entry is compared
 * with the URL's host after the URL parser's normalisation (lower case, IPv4 in dotted decimal, IPv6 in
 * brackets compressed), never as a suffix or pattern: allowing `hooks.internal.example` allows no subdomain.
 */
export interface AllowedHost {
  /** As URL.hostname spells it (IPv6 in brackets). */
  hostname: string;
  /** Null: any port of that host. */
  port: number | null;
}

export const ALLOW_HOSTS_VARIABLE = 'EGRESS_ALLOW_HOSTS';

/** Parses the list; throws naming the first entry that is not a bare host or host:port. */
export function parseAllowHosts(text: string | undefined): AllowedHost[] {
  return (text ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(`http://${entry}`);
      } catch {
        throw new Error(`"${entry}" is not a host or host:port`);
      }
      const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
      const plainName = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)$/.test(url.hostname);
      if (!bare || !plainName || entry.includes('/') || entry.includes('@'))
        throw new Error(`"${entry}" is not a host or host:port`);
      // URL drops :80 as the http default: an entry that named it still means that one port.
      const port = url.port ? Number(url.port) : /:80$/.test(entry) ? 80 : null;
      return { hostname: url.hostname, port };
    });
}

/** The port a URL connects to. */
export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

export function isAllowedHost(url: URL, allowed: AllowedHost[]): boolean {
  const port = effectivePort(url);
  return allowed.some((a) => a.hostname === url.hostname && (a.port === null || a.port === port));
}

/** The list in force: read on every call, so a test can allow the port its receiver just bound. */
export function allowedHostsFromEnv(): AllowedHost[] {
  try {
    return parseAllowHosts(process.env[ALLOW_HOSTS_VARIABLE]);
  } catch {
    // The configuration check refuses a bad list at start; a later bad value allows nothing rather than all.
    return [];
  }
}
