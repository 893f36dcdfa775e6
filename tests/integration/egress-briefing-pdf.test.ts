import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM_PATH, renderBriefingPdf } from '@/lib/briefing/render-pdf';
import { WebhookReceiver } from '../helpers/webhook-receiver';

const chromium = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
let app: WebhookReceiver;
let elsewhere: WebhookReceiver;

/** Just enough of the print view for the renderer: the ready deck, a ready map, and a photo on another host. */
const page = (photoUrl: string) => `<!doctype html><html><body>
<div data-testid="briefing-deck" data-briefing-ready="true" data-slide-count="1">
  <svg data-map-ready="true" width="10" height="10"></svg>
  <img src="${photoUrl}" alt="proof" onerror="this.replaceWith('photo not loaded')">
  <script>fetch(${JSON.stringify(photoUrl)} + '?beacon=1').catch(() => {});</script>
</div></body></html>`;

beforeAll(async () => {
  app = new WebhookReceiver();
  elsewhere = new WebhookReceiver();
  await Promise.all([app.start(), elsewhere.start()]);
  app.script('/briefing', [
    { status: 200, headers: { 'content-type': 'text/html' }, body: page(elsewhere.url('/photo.jpg')) },
  ]);
});
afterAll(() => Promise.all([app.close(), elsewhere.close()]));

describe.skipIf(!existsSync(chromium))('the briefing PDF renderer', () => {
  it("loads only the app's origin: a photo on another host is aborted, never fetched", async () => {
    const now = new Date('2026-11-21T12:00:00+03:00');
    const released: string[] = [];
    const credential = async () => ({
      cookie: { name: 'cur_session', value: 'cur_ses_for-the-renderer' },
      release: async () => void released.push('released'),
    });
    const rendered = await renderBriefingPdf({ baseUrl: app.url(''), week: '2026-W40', now, credential });
    expect(rendered.pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(rendered.slides).toBe(1);
    expect(rendered.blocked).toBeGreaterThanOrEqual(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(app.to('/briefing?week=2026-W40&print=1')).toHaveLength(1);
    // The page is read with the credential it was given, as the session cookie, which is released afterwards.
    expect(app.to('/briefing?week=2026-W40&print=1')[0]!.headers.cookie).toBe(
      'cur_session=cur_ses_for-the-renderer',
    );
    expect(released).toEqual(['released']);

    // A finished week is served from memory: Chromium does not start again.
    const again = await renderBriefingPdf({ baseUrl: app.url(''), week: '2026-W40', now, credential });
    expect(again.pdf.equals(rendered.pdf)).toBe(true);
    expect(app.to('/briefing?week=2026-W40&print=1')).toHaveLength(1);
  });
});
