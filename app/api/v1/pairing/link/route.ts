import { zodFieldErrors } from '@/lib/domain/field-errors';
import { route } from '@/lib/http/handle-route';
import { DISPLAY_LINK_BODY } from '@/lib/identity/request-bodies';
import { clientAddressOf } from '@/lib/server/client-address';
import { displayCookie } from '@/lib/http/display-cookies';
import { readJsonBody } from '@/lib/http/read-json-body';
import { errorResponse, json } from '@/lib/http/responses';
import { recordAudit } from '@/lib/identity/audit';
import { claimDisplayLink } from '@/lib/identity/claim-display-link';
import { displayPath } from '@/lib/identity/display-grant';
import { clientKey, createRateLimit } from '@/lib/limits/rate-limit';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** Links are 256-bit secrets; the limit only keeps a script from hammering the table. */
const attempts = createRateLimit(10);

/** A ready display link opened on a screen: the link is used up, the screen gets its display cookie. */
export const POST = route(
  { public: 'a screen without identity opens a one-time display link' },
  async (request, actor) => {
    const { ctx } = getApp();
    const now = ctx.now();
    const address = clientAddressOf(request);
    const limited = attempts.take(clientKey(address ?? undefined), now.getTime());
    if (!limited.ok)
      return errorResponse(
        429,
        'rate_limited',
        `Too many attempts from this address: retry in ${limited.retryAfterSeconds} s.`,
        [{ field: 'request', message: 'over the limit of this address' }],
        { 'retry-after': String(limited.retryAfterSeconds) },
      );
    const body = await readJsonBody(request, 1024);
    if (!body.ok) return body.response;
    const parsed = DISPLAY_LINK_BODY.safeParse(body.value);
    if (!parsed.success)
      return errorResponse(400, 'invalid', 'invalid body', zodFieldErrors(parsed.error, body.value));
    const claimed = await claimDisplayLink(ctx.db, parsed.data.token, now);
    if (!claimed.ok)
      return errorResponse(404, 'link_invalid', 'This link is unknown, used or expired.', [
        { field: 'token', message: 'unknown, used or expired' },
      ]);
    await recordAudit(ctx.db, {
      actor,
      action: 'display_paired',
      target: `display:${claimed.displayId}`,
      address,
      detail: { name: claimed.name, screen: claimed.screen, via: 'link' },
    });
    const response = json({ path: displayPath(claimed.screen) });
    response.headers.append('set-cookie', displayCookie(request, claimed.secret));
    return response;
  },
);
