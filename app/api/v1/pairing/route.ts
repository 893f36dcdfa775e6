import { route } from '@/lib/http/handle-route';
import { clientAddressOf } from '@/lib/server/client-address';
import { displayCookie, pairingCookie } from '@/lib/http/display-cookies';
import { errorResponse, json } from '@/lib/http/responses';
import { recordAudit } from '@/lib/identity/audit';
import { collectPairing, type PairingCollection } from '@/lib/identity/collect-pairing';
import { PAIRING_COOKIE, parseCookies } from '@/lib/identity/cookies';
import { displayPath } from '@/lib/identity/display-grant';
import { formatPairingCode, normalizePairingCode, PAIRING_TTL_MS } from '@/lib/identity/pairing-code';
import { requestPairing } from '@/lib/identity/request-pairing';
import { clientKey, createRateLimit } from '@/lib/limits/rate-limit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A screen reloading now and then needs a few codes an hour; a script asking for more is refused. */
const requests = createRateLimit(10);
/** A code about to expire is not handed out again on reload: the admin would not have time to type it. */
const REUSE_MIN_MS = 60_000;

/** The claim cookie holds the claim and the code it was shown, so a reloaded screen shows the same code. */
function readClaim(request: Request): { claim: string; code: string | null } | null {
  const value = parseCookies(request.headers.get('cookie')).get(PAIRING_COOKIE);
  if (!value) return null;
  const [claim, code] = value.split('.');
  return claim ? { claim, code: normalizePairingCode(code ?? '') } : null;
}

/** What the screen does next: show its code, go to its wall screen (the cookie is set), or ask again. */
function answer(request: Request, collected: PairingCollection, code: string | null): Response {
  if (collected.state === 'paired') {
    const response = json({ state: 'paired', path: displayPath(collected.screen) });
    response.headers.append('set-cookie', displayCookie(request, collected.secret));
    response.headers.append('set-cookie', pairingCookie(request, '', 0));
    return response;
  }
  if (collected.state === 'waiting' && collected.codeMatches && code)
    return json({
      state: 'waiting',
      code: formatPairingCode(code),
      expiresAt: collected.expiresAt.toISOString(),
    });
  return json({ state: 'none' });
}

/** A waiting screen polls: still waiting (with its code), paired (its display cookie is set now), or none. */
export const GET = route(
  { public: 'a screen without identity polls for the approval of its pairing code' },
  async (request) => {
    const { ctx } = getApp();
    const held = readClaim(request);
    if (!held) return json({ state: 'none' });
    return answer(request, await collectPairing(ctx.db, held.claim, held.code, ctx.now()), held.code);
  },
);

/** A screen without identity asks for a pairing code (the same one again while it still has time). */
export const POST = route(
  { public: 'a screen without identity asks for a pairing code' },
  async (request, actor) => {
    const { ctx } = getApp();
    const now = ctx.now();
    const held = readClaim(request);
    if (held) {
      const collected = await collectPairing(ctx.db, held.claim, held.code, now);
      const fresh =
        collected.state === 'waiting' && collected.expiresAt.getTime() - now.getTime() > REUSE_MIN_MS;
      if (collected.state === 'paired' || (fresh && collected.codeMatches))
        return answer(request, collected, held.code);
    }
    const address = clientAddressOf(request);
    const limited = requests.take(clientKey(address ?? undefined), now.getTime());
    if (!limited.ok)
      return errorResponse(
        429,
        'rate_limited',
        `Too many pairing requests from this address: retry in ${limited.retryAfterSeconds} s.`,
        [{ field: 'request', message: 'over the pairing request limit of this address' }],
        { 'retry-after': String(limited.retryAfterSeconds) },
      );
    const made = await requestPairing(ctx.db, address, now);
    if (!made.ok)
      return errorResponse(
        503,
        'pairing_busy',
        'Too many screens are waiting to be paired; retry in a minute.',
        [{ field: 'request', message: 'too many waiting pairing requests' }],
        { 'retry-after': '60' },
      );
    await recordAudit(ctx.db, {
      actor,
      action: 'display_pairing_requested',
      target: `display:${made.displayId}`,
      address,
    });
    const response = json(
      { state: 'waiting', code: formatPairingCode(made.code), expiresAt: made.expiresAt.toISOString() },
      201,
    );
    response.headers.append(
      'set-cookie',
      pairingCookie(request, `${made.claim}.${made.code}`, PAIRING_TTL_MS / 1000),
    );
    return response;
  },
);
