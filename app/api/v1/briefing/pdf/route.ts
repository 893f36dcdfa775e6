import { route } from '@/lib/http/handle-route';
import { ChromiumMissingError, briefingPdfName, renderBriefingPdf } from '@/lib/briefing/render-pdf';
import { PdfBusyError } from '@/lib/briefing/pdf-gate';
import { formatIsoWeek } from '@/lib/briefing/week';
import { parseWeekParam } from '@/lib/briefing/week-param';
import { describeError } from '@/lib/log/describe-error';
import { errorResponse } from '@/lib/http/responses';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

/** The server itself, over loopback: the print view needs the running app, not the public address. */
function selfUrl(): string {
  const host =
    process.env.HOST && !['0.0.0.0', '::'].includes(process.env.HOST) ? process.env.HOST : '127.0.0.1';
  return `http://${host.includes(':') ? `[${host}]` : host}:${process.env.PORT || 3000}`;
}

/** The week's briefing as a PDF, one landscape page per slide; 503 when the server has no Chromium. */
export const GET = route(async (request: Request): Promise<Response> => {
  const { ctx } = getApp();
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = parseWeekParam(raw, ctx.now());
  if (!parsed.ok) return errorResponse(400, 'invalid_query', 'the week is not valid', parsed.errors);
  const week = formatIsoWeek(parsed.week);
  try {
    // One Chromium at a time, a short queue and a cache per week live behind renderBriefingPdf.
    const { pdf, slides } = await renderBriefingPdf({ baseUrl: selfUrl(), week });
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
});
