import { egressRefusal, staticEgressRefusal } from '../egress/check-egress';

/**
 * The HTTP import makes this server fetch a URL it is given: only hosts the operator listed in
 * OPEN311_IMPORT_HOSTS (comma-separated host names) may be fetched, and only when the egress guard lets them
 * through (a listed `localhost` or internal IP is still refused unless EGRESS_ALLOW_HOSTS names that exact
 * host). What the host resolves to is checked by the import before its first request and on every request.
 * Unset, the HTTP import is off (the CLI script stays available).
 */
export function importHostRefusal(
  baseUrl: string,
  allowList = process.env.OPEN311_IMPORT_HOSTS,
): string | null {
  const hosts = (allowList ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (hosts.length === 0) {
    return 'imports over HTTP are off: list the allowed hosts in OPEN311_IMPORT_HOSTS, or run scripts/import-open311.ts';
  }
  const host = new URL(baseUrl).hostname.toLowerCase();
  if (!hosts.includes(host)) return `host "${host}" is not in OPEN311_IMPORT_HOSTS`;
  const refusal = staticEgressRefusal(baseUrl);
  return refusal ? `refused: ${refusal} (allow the exact host in EGRESS_ALLOW_HOSTS if it is meant)` : null;
}

/** The listed-host rule, then the egress guard on what the host resolves to now: the refusal of every HTTP import. */
export async function importRefusal(baseUrl: string): Promise<string | null> {
  return importHostRefusal(baseUrl) ?? (await egressRefusal(baseUrl));
}
