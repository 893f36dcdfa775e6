/**
 * The security headers every response carries (pages, API, static files, Socket.IO's polling), set by the custom
 * server before anything else writes, so no route can forget them.
 */

export interface SecurityHeaderOptions {
  /** Development: React's refresh and Next's dev overlay evaluate code, which production never does. */
  dev?: boolean;
  /** PHOTO_HOSTS: https hosts whose proof photos the briefing may show; none by default. */
  photoHosts?: string[];
}

function contentSecurityPolicy(options: SecurityHeaderOptions, frameable: boolean): string {
  const photoSources = (options.photoHosts ?? []).map((host) => `https://${host}`);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'unsafe-inline': Next's App Router streams its bootstrap and RSC payload as inline <script> tags without
    // nonces in a static build; what stops injected markup from running is that every text we show (complaint
    // excerpts, names) is rendered by React as text, never as HTML.
    'script-src': ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // React's style props and MapLibre's/deck.gl's inline canvas styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Proof photos stay on their hosts unless named: loading them from a wall screen would tell those hosts when
    // and where the briefing is shown. The briefing shows a tile with the number of photos instead.
    'img-src': ["'self'", 'data:', 'blob:', ...photoSources],
    'font-src': ["'self'", 'data:'],
    // MapLibre's worker is /maplibre-gl-worker.mjs; it also spawns workers from blob: URLs.
    'worker-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    // 'self' covers ws:/wss: to the same host and port in CSP Level 3 browsers (Chromium ≥ 58): Socket.IO and
    // Next's dev HMR socket need nothing more.
    'connect-src': ["'self'"],
    // Only the wall's own grid preview (/wall/grid) frames a screen (/wall/s/<id>); nothing else is framed.
    'frame-ancestors': [frameable ? "'self'" : "'none'"],
    'frame-src': ["'self'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export type HeaderSet = Readonly<Record<string, string>>;

function headerSet(options: SecurityHeaderOptions, frameable: boolean): HeaderSet {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options, frameable),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': frameable ? 'SAMEORIGIN' : 'DENY',
    // The briefing's F key asks for full screen; nothing here needs a camera, a microphone or a location.
    'Permissions-Policy': 'fullscreen=(self), camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The paths the grid preview frames: one physical screen's panel. */
const FRAMEABLE = /^\/wall\/s\/[^/]+\/?$/;

/** Returns the header set for a request path; both variants are built once. */
export function createSecurityHeaders(options: SecurityHeaderOptions = {}): (path: string) => HeaderSet {
  const framed = headerSet(options, true);
  const standalone = headerSet(options, false);
  return (path) => (FRAMEABLE.test(path) ? framed : standalone);
}
