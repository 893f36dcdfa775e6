/**
 * `npm run briefing:pdf -- --week 2026-W47 --out briefing-2026-W47.pdf [--url http://localhost:3000]`: the
 * governor's briefing of a week as a PDF, one page per slide, rendered from a running app by headless Chromium.
 * Without --week: the last complete week; without --out: briefing-<week>.pdf in the current folder. The page
 * is read as the person whose personal token is given (--token, or BRIEFING_TOKEN): /account issues one.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SESSION_COOKIE } from '../lib/identity/cookies';
import { briefingPdfName, renderBriefingPdf } from '../lib/briefing/render-pdf';
import { defaultWeek, formatIsoWeek, parseIsoWeek } from '../lib/briefing/week';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      week: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string', default: 'http://localhost:3000' },
      token: { type: 'string', default: process.env.BRIEFING_TOKEN },
    },
  });
  let week = formatIsoWeek(defaultWeek(new Date()));
  if (values.week) {
    const parsed = parseIsoWeek(values.week);
    if (!parsed.ok) throw new Error(`--week ${values.week}: ${parsed.message}`);
    week = formatIsoWeek(parsed.week);
  }
  const out = path.resolve(values.out ?? briefingPdfName(week));
  const started = Date.now();
  const token = values.token;
  if (!token) throw new Error('--token (or BRIEFING_TOKEN): a personal API token that may read the briefing');
  const { pdf, slides } = await renderBriefingPdf({
    baseUrl: values.url!,
    week,
    credential: async () => ({ cookie: { name: SESSION_COOKIE, value: token }, release: async () => {} }),
  });
  writeFileSync(out, pdf);
  console.log(`${out}: ${slides} slides, ${Math.round(pdf.length / 1024)} KiB in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(`briefing-pdf: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
