import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { faultOf, StaleBanner } from '@/components/ui/stale-banner';

const at = Date.parse('2026-11-19T12:04:10+03:00');
const render = (props: Parameters<typeof StaleBanner>[0]) =>
  renderToStaticMarkup(createElement(StaleBanner, props));

describe('the screen fault banner', () => {
  it('says the database is away, with the time and age of the numbers kept on screen', () => {
    const html = render({
      stale: true,
      connection: 'live',
      database: { down: true, since: at + 60_000 },
      updatedAt: at,
      ageMs: 125_000,
    });
    expect(html).toContain('data-fault="database"');
    expect(html).toContain('Нет связи с базой');
    expect(html).toContain('данные на 12:04, 2\u00a0минуты назад');
    expect(html).not.toContain('ДАННЫЕ УСТАРЕЛИ');
  });

  it('says the server is lost once the screen has been offline, and nothing for a short drop', () => {
    const offline = render({ stale: false, connection: 'offline', updatedAt: at, ageMs: 9_000 });
    expect(offline).toContain('data-fault="server"');
    expect(offline).toContain('Нет связи с сервером');
    expect(offline).toContain('данные на 12:04, 9\u00a0с назад');
    expect(render({ stale: false, connection: 'reconnecting', updatedAt: at, ageMs: 2_000 })).toBe('');
  });

  it('is gone on recovery: live, database up, fresh data', () => {
    expect(
      render({ stale: false, connection: 'live', database: { down: false }, updatedAt: at, ageMs: 1_000 }),
    ).toBe('');
    expect(faultOf('live', { down: false })).toBeNull();
    expect(faultOf('offline', { down: true, since: at })).toBe('database');
    expect(faultOf('reconnecting')).toBeNull();
  });
});
