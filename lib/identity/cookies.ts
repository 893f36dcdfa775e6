/**
 * The cookies that carry a credential. HttpOnly (scripts never read them), SameSite=Lax (a cross-site form
 * post does not carry them; CSRF is checked besides), Secure whenever the app is served over HTTPS.
 */
export const SESSION_COOKIE = 'cur_session';
export const DISPLAY_COOKIE = 'cur_display';
/** A waiting screen's claim on its pairing request. */
export const PAIRING_COOKIE = 'cur_pairing';

/** Display credentials live for years (revoked by an admin, not by time); browsers cap cookies at 400 days. */
export const DISPLAY_COOKIE_DAYS = 400;

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  secure: boolean;
  /** The pairing claim is read only by the pairing endpoint. */
  path?: string;
}

/** A Set-Cookie value; maxAgeSeconds 0 deletes the cookie. */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
