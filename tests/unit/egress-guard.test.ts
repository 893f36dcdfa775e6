import { describe, expect, it } from 'vitest';
import { parseAllowHosts } from '@/lib/egress/allow-list';
import {
  EgressRefusedError,
  egressRefusal,
  resolveEgress,
  staticEgressRefusal,
  type LookupAll,
} from '@/lib/egress/check-egress';
import { forbiddenAddressReason } from '@/lib/egress/classify-address';
import { loadConfig } from '@/lib/config';

const answers =
  (...addresses: string[]): LookupAll =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('forbiddenAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:7f00:1::', 'loopback'],
  ])('refuses %s (%s)', (address, word) => {
    expect(forbiddenAddressReason(address)).toContain(word);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2a00:1450:4010::65'])(
    'lets the public address %s through',
    (address) => expect(forbiddenAddressReason(address)).toBeNull(),
  );

  it('refuses what is not an address', () => {
    expect(forbiddenAddressReason('example.org')).toBe('not an IP address');
  });
});

describe('staticEgressRefusal: literal IPs in every notation the URL parser reads', () => {
  it.each([
    'http://127.0.0.1/',
    'http://2130706433/', // decimal
    'http://0177.0.0.1/', // octal
    'http://0x7f.0.0.1/', // hex
    'http://0x7f000001/',
    'http://127.1/', // short form
    'https://[::1]:8443/x',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0/',
    'http://localhost:3000/',
    'http://api.localhost/',
    'http://LOCALHOST./',
  ])('refuses %s', (url) => {
    expect(staticEgressRefusal(url, [])).not.toBeNull();
  });

  it('accepts only http and https, and names a malformed URL', () => {
    expect(staticEgressRefusal('ftp://example.org/x', [])).toBe('only http and https URLs may be called');
    expect(staticEgressRefusal('file:///etc/passwd', [])).toBe('only http and https URLs may be called');
    expect(staticEgressRefusal('not a url', [])).toBe('is not a URL');
    expect(staticEgressRefusal('https://hooks.example.org/x', [])).toBeNull();
  });

  it('lets an exactly allowed host (and port) through, and nothing near it', () => {
    const allow = parseAllowHosts('127.0.0.1:9999, hooks.internal.example, [::1]:8080');
    expect(staticEgressRefusal('http://127.0.0.1:9999/x', allow)).toBeNull();
    expect(staticEgressRefusal('http://2130706433:9999/x', allow)).toBeNull(); // the same host, spelt otherwise
    expect(staticEgressRefusal('http://127.0.0.1:9998/x', allow)).toContain('loopback');
    expect(staticEgressRefusal('http://127.0.0.1/x', allow)).toContain('loopback');
    expect(staticEgressRefusal('http://[::1]:8080/', allow)).toBeNull();
    expect(staticEgressRefusal('http://[::1]:8081/', allow)).toContain('loopback');
  });
});

describe('parseAllowHosts', () => {
  it('reads hosts and host:port entries, the http default port included', () => {
    expect(parseAllowHosts(' a.example , 127.0.0.1:9999,b.example:80')).toEqual([
      { hostname: 'a.example', port: null },
      { hostname: '127.0.0.1', port: 9999 },
      { hostname: 'b.example', port: 80 },
    ]);
    expect(parseAllowHosts(undefined)).toEqual([]);
  });

  it('refuses paths, credentials and patterns, and so does the configuration at start', () => {
    for (const bad of ['a.example/x', 'u@a.example', 'http://a.example', '*.example'])
      expect(() => parseAllowHosts(bad), bad).toThrow(/is not a host/);
    expect(() => loadConfig({ EGRESS_ALLOW_HOSTS: 'a.example/x' }, [])).toThrow(/EGRESS_ALLOW_HOSTS/);
    expect(loadConfig({ EGRESS_ALLOW_HOSTS: '127.0.0.1:9999' }, []).EGRESS_ALLOW_HOSTS).toBe(
      '127.0.0.1:9999',
    );
  });
});

describe('resolveEgress', () => {
  it('connects to the address it checked', async () => {
    const target = await resolveEgress('https://hooks.example.org/x', {
      allow: [],
      lookup: answers('93.184.216.34'),
    });
    expect(target).toMatchObject({ address: '93.184.216.34', family: 4 });
    expect(target.url.hostname).toBe('hooks.example.org');
  });

  it('refuses a name with any internal address among its answers', async () => {
    for (const lookup of [
      answers('10.0.0.5'),
      answers('93.184.216.34', '127.0.0.1'),
      answers('::ffff:169.254.169.254'),
    ]) {
      const error = await resolveEgress('https://hooks.example.org/x', { allow: [], lookup }).catch((e) => e);
      expect(error).toBeInstanceOf(EgressRefusedError);
      expect((error as EgressRefusedError).message).toMatch(/^refused: hooks\.example\.org resolves to /);
    }
  });

  it('lets an allowed name resolve inside, and treats no answer as a network error, not a refusal', async () => {
    const allow = parseAllowHosts('hooks.internal.example');
    const target = await resolveEgress('http://hooks.internal.example:8080/', {
      allow,
      lookup: answers('10.1.2.3'),
    });
    expect(target.address).toBe('10.1.2.3');
    const failing: LookupAll = () =>
      Promise.reject(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }));
    await expect(
      resolveEgress('https://nowhere.example/', { allow: [], lookup: failing }),
    ).rejects.not.toBeInstanceOf(EgressRefusedError);
    expect(await egressRefusal('https://nowhere.example/', { allow: [], lookup: failing })).toBeNull();
    expect(
      await egressRefusal('https://in.example/', { allow: [], lookup: answers('192.168.0.7') }),
    ).toContain('private address');
  });
});
