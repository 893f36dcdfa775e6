/** The path of a request target: `/a/b?c` and an absolute-form `http://host/a/b` both give `/a/b`. */
export function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  if (raw.startsWith('/')) return raw.split('?')[0]!;
  try {
    return new URL(raw).pathname;
  } catch {
    return raw;
  }
}
