import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@/lib/config';

describe('configuration from the environment', () => {
  it('has working defaults: port 3000, PGlite in ./data, simulator on', () => {
    const config = loadConfig({}, ['node', 'server.ts']);
    expect(config).toMatchObject({ PORT: 3000, SIMULATOR: 'on', dev: false });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PGLITE_DIR).toMatch(/data/);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        DATABASE_URL: 'postgres://u@h/db',
        PGLITE_DIR: 'memory://',
        SIMULATOR: 'off',
        SIMULATOR_RATE: '5/s',
      },
      ['node', 'server.ts', '--dev'],
    );
    expect(config).toMatchObject({
      PORT: 8080,
      DATABASE_URL: 'postgres://u@h/db',
      PGLITE_DIR: 'memory://',
      SIMULATOR: 'off',
      SIMULATOR_RATE: '5/s',
      dev: true,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc": must be a number/],
    [{ PORT: '70000' }, /PORT="70000": must be between 1 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL="mysql:\/\/x": must be a postgres/],
    [{ SIMULATOR: 'maybe' }, /SIMULATOR="maybe": must be "on", "off" or "backfill"/],
    [{ SIMULATOR_RATE: 'fast' }, /SIMULATOR_RATE="fast": must look like/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env, [])).toThrow(ConfigError);
    expect(() => loadConfig(env, [])).toThrow(message);
  });
});
