import { SESSION_COOKIE, setCookie } from '../identity/cookies';

/** Whether the browser reached the app over HTTPS (directly or through a TLS-terminating proxy). */
function overHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return new URL(request.url).protocol === 'https:' || forwarded === 'https';
}

/** The Set-Cookie value that carries a new session until its credential expires. */
export function sessionCookie(request: Request, secret: string, expiresAt: Date, now: Date): string {
  return setCookie(SESSION_COOKIE, secret, {
    maxAgeSeconds: (expiresAt.getTime() - now.getTime()) / 1000,
    secure: overHttps(request),
  });
}

/** The Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(request: Request): string {
  return setCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: overHttps(request) });
}
