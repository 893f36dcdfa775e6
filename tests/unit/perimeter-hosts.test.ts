import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/lib/config';
import { createHostMatcher, defaultHostNames, parseHostPort, parseOrigin } from '@/lib/server/allowed-hosts';
import { createSecurityHeaders } from '@/lib/server/security-headers';
import { clientKey, createRateLimit, isLoopback } from '@/lib/limits/rate-limit';

const host = (value: string) => parseHostPort(value)!;

describe('Host and Origin parsing', () => {
  it.each([
    ['localhost:3000', { host: 'localhost', port: 3000 }],
    ['WALL.Example.', { host: 'wall.example', port: null }],
    ['[::1]:3000', { host: '[::1]', port: 3000 }],
    ['10.0.0.5', { host: '10.0.0.5', port: null }],
  ])('reads %s', (value, expected) => expect(parseHostPort(value)).toEqual(expected));

  it.each(['', '::1', 'a:b:c', 'host:0', 'host:70000', 'ho st', '[::1]x', 'evil.com/x', 'host:'])(
    'refuses %j',
    (value) => expect(parseHostPort(value)).toBeNull(),
  );

  it('takes an Origin scheme-less, with its scheme port when it names none', () => {
    expect(parseOrigin('http://127.0.0.1:3000')).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(parseOrigin('https://wall.example')).toEqual({ host: 'wall.example', port: 443 });
    expect(parseOrigin('http://[::1]')).toEqual({ host: '[::1]', port: 80 });
    expect(parseOrigin('null')).toBeNull();
    expect(parseOrigin('file:///etc')).toBeNull();
  });
});

describe('the allow-list', () => {
  it('by default is loopback, the hostname and every interface address, on the listening port', () => {
    const names = defaultHostNames();
    expect(names).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]']));
    const own = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4')
      .map((a) => a!.address);
    expect(names).toEqual(expect.arrayContaining(own));

    const matcher = createHostMatcher();
    expect(matcher.allows(host('localhost:3000'), 3000)).toBe(true);
    expect(matcher.allows(host(`${own.at(-1)}:3000`), 3000)).toBe(true);
    expect(matcher.allows(host(`${os.hostname()}:3000`), 3000)).toBe(true);
    // Another port than the one the request came in on, and an attacker's name resolving to us.
    expect(matcher.allows(host('localhost:3001'), 3000)).toBe(false);
    expect(matcher.allows(host('rebind.attacker.example:3000'), 3000)).toBe(false);
    expect(matcher.allows(host('localhost'), 80)).toBe(true);
  });

  it('when configured, means exactly the names given, loopback and the extra names besides', () => {
    const matcher = createHostMatcher({
      configured: ['wall.cur.local', 'proxy.example:8443'],
      extra: ['10.9.9.9'],
    });
    expect(matcher.allows(host('wall.cur.local'), 3000)).toBe(true);
    expect(matcher.allows(host('wall.cur.local:8080'), 3000)).toBe(true);
    expect(matcher.allows(host('proxy.example:8443'), 3000)).toBe(true);
    expect(matcher.allows(host('proxy.example:3000'), 3000)).toBe(false);
    expect(matcher.allows(host('127.0.0.1:3000'), 3000)).toBe(true);
    expect(matcher.allows(host('10.9.9.9:3000'), 3000)).toBe(true);
    expect(matcher.allows(host(`${os.hostname()}:3000`), 3000)).toBe(os.hostname() === 'localhost');
  });

  it('refuses a malformed configured entry', () => {
    expect(() => createHostMatcher({ configured: ['a b'] })).toThrow(/not a host/);
  });
});

describe('configuration of the perimeter', () => {
  it('has defaults: machine names, no photo hosts, 300 writes a minute, 30 s per request', () => {
    const config = loadConfig({}, []);
    expect(config.ALLOWED_HOSTS).toBeUndefined();
    expect(config.PHOTO_HOSTS).toBeUndefined();
    expect(config).toMatchObject({ RATE_LIMIT_WRITES_PER_MINUTE: 300, HTTP_REQUEST_TIMEOUT_SECONDS: 30 });
  });

  it('reads the lists and the numbers', () => {
    const config = loadConfig(
      {
        ALLOWED_HOSTS: 'wall.cur.local, 10.0.0.5:3000,[fe80::1]:3000',
        PHOTO_HOSTS: 'photos.example',
        RATE_LIMIT_WRITES_PER_MINUTE: '0',
        HTTP_REQUEST_TIMEOUT_SECONDS: '120',
      },
      [],
    );
    expect(config.ALLOWED_HOSTS).toEqual(['wall.cur.local', '10.0.0.5:3000', '[fe80::1]:3000']);
    expect(config.PHOTO_HOSTS).toEqual(['photos.example']);
    expect(config.RATE_LIMIT_WRITES_PER_MINUTE).toBe(0);
  });

  it.each([
    [{ ALLOWED_HOSTS: 'wall.example,http://x' }, /ALLOWED_HOSTS=.*"http:\/\/x" is not a host/],
    [{ ALLOWED_HOSTS: 'wall.example:99999' }, /ALLOWED_HOSTS=.*is not a host/],
    [{ PHOTO_HOSTS: "x; script-src 'unsafe-eval'" }, /PHOTO_HOSTS=.*is not a host/],
    [{ RATE_LIMIT_WRITES_PER_MINUTE: '-1' }, /RATE_LIMIT_WRITES_PER_MINUTE="-1": must be 0 \(off\) or more/],
    [{ HTTP_REQUEST_TIMEOUT_SECONDS: '5' }, /HTTP_REQUEST_TIMEOUT_SECONDS="5": must be 15 or more/],
  ])('refuses %o naming the variable', (env, message) => {
    expect(() => loadConfig(env, [])).toThrow(ConfigError);
    expect(() => loadConfig(env, [])).toThrow(message);
  });
});

describe('the write bucket', () => {
  it('lets a minute worth through, then one per refill, with the wait to the next token', () => {
    const limit = createRateLimit(60);
    for (let i = 0; i < 60; i += 1) expect(limit.take('a', 1_000).ok).toBe(true);
    expect(limit.take('a', 1_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limit.take('b', 1_000).ok).toBe(true);
    expect(limit.take('a', 2_000).ok).toBe(true);
    expect(limit.take('a', 2_000).ok).toBe(false);
  });

  it('is off at 0', () => {
    const limit = createRateLimit(0);
    for (let i = 0; i < 1_000; i += 1) expect(limit.take('a').ok).toBe(true);
  });

  it('counts IPv4 by address and IPv6 by /64; knows loopback', () => {
    expect(clientKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb::9'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });
});

describe('security headers', () => {
  it('deny framing except a wall screen in our own grid, and allow eval only in development', () => {
    const headers = createSecurityHeaders({ photoHosts: ['photos.example'] });
    const csp = headers('/triage')['Content-Security-Policy']!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https://photos.example");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers('/triage')['X-Frame-Options']).toBe('DENY');
    expect(headers('/wall/s/r1c1')['Content-Security-Policy']).toContain("frame-ancestors 'self'");
    expect(headers('/wall/s/r1c1')['X-Frame-Options']).toBe('SAMEORIGIN');
    expect(createSecurityHeaders({ dev: true })('/')['Content-Security-Policy']).toContain("'unsafe-eval'");
  });
});
