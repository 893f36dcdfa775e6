import { DISPLAY_COOKIE, DISPLAY_COOKIE_DAYS, PAIRING_COOKIE, setCookie } from '../identity/cookies';

/** The pairing claim is sent only to the pairing endpoint. */
const PAIRING_PATH = '/api/v1/pairing';

/** Secure cookies when the browser reached us over HTTPS, directly or through a TLS-terminating proxy. */
function overHttps(request: Request): boolean {
  return (
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

/** Set-Cookie for a display's credential: long-lived, the admin revokes it, not time. */
export function displayCookie(request: Request, secret: string): string {
  return setCookie(DISPLAY_COOKIE, secret, {
    maxAgeSeconds: DISPLAY_COOKIE_DAYS * 86_400,
    secure: overHttps(request),
  });
}

/** Set-Cookie for a waiting screen's claim (`claim.code`), or its deletion with `maxAgeSeconds` 0. */
export function pairingCookie(request: Request, value: string, maxAgeSeconds: number): string {
  return setCookie(PAIRING_COOKIE, value, { maxAgeSeconds, secure: overHttps(request), path: PAIRING_PATH });
}
