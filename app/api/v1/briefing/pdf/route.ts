import { route } from '@/lib/http/handle-route';
import { rendererSession } from '@/lib/identity/renderer-session';
import { createRateLimit } from '@/lib/limits/rate-limit';
import { clientAddressOf } from '@/lib/server/client-address';
import { recordAudit } from '@/lib/identity/audit';
import { actorRef, type Actor } from '@/lib/domain/access';
import { ChromiumMissingError, briefingPdfName, renderBriefingPdf } from '@/lib/briefing/render-pdf';
import { PdfBusyError } from '@/lib/briefing/pdf-gate';
import { formatIsoWeek } from '@/lib/briefing/week';
import { parseWeekParam } from '@/lib/briefing/week-param';
import { describeError } from '@/lib/log/describe-error';
import { errorResponse } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** A cached week is cheap, a fresh one takes a Chromium for seconds: one person cannot keep the renderer busy. */
const PDFS_PER_HOUR = 20;
const PDF_PER_IDENTITY = createRateLimit(PDFS_PER_HOUR / 60, PDFS_PER_HOUR);

/** The server itself, over loopback: the print view needs the running app, not the public address. */
function selfUrl(): string {
  const host =
    process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 3000}`;
}

/** The week's briefing as a PDF, one landscape page per slide; 503 when the server has no Chromium. */
export const GET = route(
  { action: 'briefing:pdf' },
  async (request: Request, actor: Actor): Promise<Response> => {
    const { ctx } = getApp();
    const raw = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = parseWeekParam(raw, ctx.now());
    if (!parsed.ok) return errorResponse(400, 'invalid_query', 'the week is not valid', parsed.errors);
    const week = formatIsoWeek(parsed.week);
    const limited = PDF_PER_IDENTITY.take(actorRef(actor));
    if (!limited.ok)
      return errorResponse(
        429,
        'rate_limited',
        `Too many PDFs for this identity: retry in ${limited.retryAfterSeconds} s.`,
        [{ field: 'week', message: `at most ${PDFS_PER_HOUR} PDFs an hour per identity` }],
        { 'retry-after': String(limited.retryAfterSeconds) },
      );
    try {
      // One Chromium at a time, a short queue and a cache per week live behind renderBriefingPdf.
      const { pdf, slides } = await renderBriefingPdf({
        baseUrl: selfUrl(),
        week,
        credential: () => rendererSession(ctx, actor),
      });
      await recordAudit(ctx.db, {
        actor,
        action: 'export_pdf',
        target: `briefing:${week}`,
        address: clientAddressOf(request),
      });
      return new Response(new Uint8Array(pdf), {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${briefingPdfName(week)}"`,
          'cache-control': 'no-store',
          'x-briefing-slides': String(slides),
        },
      });
    } catch (error) {
      if (error instanceof PdfBusyError)
        return errorResponse(503, 'pdf_busy', error.message, [], {
          'retry-after': String(error.retryAfterSeconds),
        });
      if (error instanceof ChromiumMissingError)
        return errorResponse(
          503,
          'pdf_unavailable',
          `${error.message}; print the page from the browser instead`,
        );
      // Chromium's errors can quote the page; only the class and the frames are logged.
      ctx.log.error({ err: describeError(error), week }, 'briefing pdf failed');
      return errorResponse(500, 'pdf_failed', 'the PDF could not be rendered');
    }
  },
);
