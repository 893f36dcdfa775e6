/**
 * The HTTP import makes this server fetch a URL it is given: only hosts the operator listed in
 * OPEN311_IMPORT_HOSTS (comma-separated host names) may be fetched, so the endpoint cannot be turned against
 * internal addresses. Unset, the HTTP import is off (the CLI script stays available).
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
  return hosts.includes(host) ? null : `host "${host}" is not in OPEN311_IMPORT_HOSTS`;
}
