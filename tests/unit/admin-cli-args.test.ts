import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLocked, lockDataDir } from '@/lib/server/data-dir-lock';
import { parseAdminArgs } from '@/scripts/admin-args';

const refused = (argv: string[]) => {
  const parsed = parseAdminArgs(argv);
  if (parsed.ok !== false) throw new Error(`expected a refusal, got ${JSON.stringify(parsed)}`);
  return parsed.message;
};

describe('the admin CLI’s arguments', () => {
  it('parses every command', () => {
    expect(
      parseAdminArgs([
        'user',
        'create',
        '--login',
        'ivanov',
        '--name',
        'Иванов И. И.',
        '--role',
        'block_lead',
        '--scope',
        'housing',
        '--scope',
        'health',
        '--json',
      ]),
    ).toEqual({
      ok: true,
      json: true,
      command: {
        name: 'user create',
        login: 'ivanov',
        displayName: 'Иванов И. И.',
        role: 'block_lead',
        scopes: ['housing', 'health'],
        passwordStdin: false,
      },
    });
    expect(parseAdminArgs(['user', 'list'])).toMatchObject({ ok: true, command: { name: 'user list' } });
    expect(
      parseAdminArgs(['token', 'create', '--login', 'a', '--label', 'ci', '--days', '30']),
    ).toMatchObject({
      command: { name: 'token create', days: 30 },
    });
    expect(parseAdminArgs(['key', 'create', '--source', 'dobrodel', '--label', 'шлюз'])).toMatchObject({
      command: { name: 'key create', region: null },
    });
    expect(parseAdminArgs(['display', 'link', '--screen', 'r1c1'])).toMatchObject({
      command: { name: 'display link', displayName: null },
    });
    expect(parseAdminArgs(['revoke', '--id', '12'])).toMatchObject({ command: { name: 'revoke', id: 12 } });
    expect(parseAdminArgs(['first-admin-link'])).toMatchObject({ command: { name: 'first-admin-link' } });
    expect(parseAdminArgs([])).toEqual({ ok: 'help' });
    expect(parseAdminArgs(['--help'])).toEqual({ ok: 'help' });
  });

  it('names the flag and the reason of every bad argument', () => {
    expect(refused(['frobnicate'])).toBe('unknown command "frobnicate"');
    expect(refused(['user', 'create', '--name', 'X', '--role', 'admin'])).toBe(
      'user create: --login is required',
    );
    expect(refused(['user', 'create', '--login', 'x', '--name', 'X', '--role', 'king'])).toMatch(
      /^user create: --role: unknown role "king"; one of admin, operator/,
    );
    expect(refused(['user', 'role', '--login', 'x', '--role', 'municipal'])).toBe(
      'user role: --scope: the role municipal needs at least one municipality code',
    );
    expect(refused(['user', 'role', '--login', 'x', '--role', 'analyst', '--scope', 'housing'])).toBe(
      'user role: --scope: the role analyst takes no scopes',
    );
    expect(refused(['token', 'create', '--login', 'x', '--label', 'y', '--days', '0'])).toBe(
      'token create: --days: "0" must be a whole number from 1 to 365',
    );
    expect(refused(['token', 'create', '--login', 'x', '--label', 'y', '--days', '1.5'])).toMatch(/--days/);
    expect(refused(['key', 'create', '--source', 's', '--label', 'y', '--region', '5'])).toMatch(
      /^key create: --region: "5" must be an ISO 3166-2 region code/,
    );
    expect(refused(['revoke', '--id', 'abc'])).toMatch(/^revoke: --id: "abc" must be a whole number/);
    expect(refused(['user', 'list', '--login', 'x'])).toBe(
      'user list: --login is not a flag of this command',
    );
    expect(refused(['user', 'list', 'extra'])).toMatch(/unexpected argument "extra"/);
    expect(refused(['user', 'list', '--bogus'])).toMatch(/Unknown option '--bogus'/);
    expect(refused(['display', 'create', '--screen', 'r1c1'])).toBe('display create: --name is required');
  });
});

describe('the embedded database’s lock', () => {
  it('refuses while a live process holds it, takes over a stale one, and is released', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const data = path.join(dir, 'pglite');
    try {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
      await new Promise((resolve) => other.once('spawn', resolve));
      writeFileSync(`${data}.lock`, `${other.pid}\n`);
      expect(() => lockDataDir(data)).toThrow(DataDirLocked);
      expect(() => lockDataDir(data)).toThrow(new RegExp(`in use by process ${other.pid}`));
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));

      const lock = lockDataDir(data);
      lock.release();
      lock.release();
      expect(() => lockDataDir(data).release()).not.toThrow();
      expect(lockDataDir('memory://').release).toBeTypeOf('function');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
