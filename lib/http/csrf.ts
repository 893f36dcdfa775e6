/**
 * Cookie-carried writes must come from a page of this app. Browsers send Origin on every cross-origin request
 * and on same-origin POST/PUT/PATCH/DELETE, and Sec-Fetch-Site on all of them; a form or script on another
 * site carries a foreign Origin or `cross-site`. A request with neither is not from a browser page and gets
 * no benefit of the doubt while it rides on a cookie. Bearer-token requests need no such check: no browser
 * attaches a bearer token on its own.
 */
export function crossSiteRefusal(request: Request): string | null {
  const host = request.headers.get('host') ?? new URL(request.url).host;
  const origin = request.headers.get('origin');
  if (origin !== null) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return 'the Origin header is not a valid origin';
    }
    return originHost === host ? null : `a write from ${origin} may not use this site's cookie`;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin') return null;
  if (site !== null) return `a ${site} write may not use this site's cookie`;
  return 'a write carried by a cookie needs an Origin header (send a bearer token from scripts)';
}
