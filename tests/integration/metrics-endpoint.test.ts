import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '@/lib/app/create-app';
import { parseAddressList } from '@/lib/domain/address-list';
import { createWholeTestApp } from '../helpers/test-context';

const TOKEN = 'metrics-token-0123456789abcdef';
let app: App | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function serve(metrics?: { token?: string; allowedAddresses?: string }): Promise<string> {
  app = await createWholeTestApp({ realtime: { listen: { port: 0, host: '127.0.0.1' }, metrics } });
  await app.start();
  return `${app.url!}/metrics`;
}

describe('/metrics', () => {
  it('answers a loopback scraper by default, in Prometheus text with the cluster series', async () => {
    const url = await serve();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    for (const name of [
      'cur_leader',
      'cur_change_feed_applied_seq',
      'cur_writer_queue_items',
      'cur_database_up',
    ])
      expect(text).toContain(`# TYPE ${name} gauge`);
  });

  it('outside the address list wants the token, and hides itself (404) from anyone without it', async () => {
    const url = await serve({ token: TOKEN, allowedAddresses: '10.0.0.0/8' });
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: 'Bearer short' } })).status).toBe(404);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('cur_leader');
    const post = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('reads IPs and CIDRs, v4 and v6, and names a bad entry', () => {
    const list = parseAddressList('10.1.0.0/16, 127.0.0.1, ::1/128');
    expect(list.check('10.1.200.3', 'ipv4')).toBe(true);
    expect(list.check('10.2.0.1', 'ipv4')).toBe(false);
    expect(list.check('127.0.0.1', 'ipv4')).toBe(true);
    expect(list.check('::1', 'ipv6')).toBe(true);
    expect(() => parseAddressList('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => parseAddressList('wall.local')).toThrow(/not an IP/);
  });
});
