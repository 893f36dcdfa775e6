import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from '@/scripts/admin-args';

describe('the admin CLI’s classifier commands', () => {
  it('parses train run, import, list and rollback', () => {
    expect(parseAdminArgs(['train', 'run'])).toEqual({
      ok: true,
      json: false,
      command: { name: 'train run' },
    });
    expect(parseAdminArgs(['train', 'import', 'labelled.csv', '--json'])).toEqual({
      ok: true,
      json: true,
      command: { name: 'train import', file: 'labelled.csv' },
    });
    expect(parseAdminArgs(['train', 'list'])).toEqual({
      ok: true,
      json: false,
      command: { name: 'train list' },
    });
    expect(parseAdminArgs(['train', 'rollback', '--id', '4'])).toEqual({
      ok: true,
      json: false,
      command: { name: 'train rollback', id: 4 },
    });
  });

  it('names what is missing or extra', () => {
    expect(parseAdminArgs(['train', 'import'])).toEqual({
      ok: false,
      message: 'train import: needs FILE.csv (one file)',
    });
    expect(parseAdminArgs(['train', 'import', 'a.csv', 'b.csv'])).toMatchObject({ ok: false });
    expect(parseAdminArgs(['train', 'run', 'now'])).toEqual({
      ok: false,
      message: 'train run: unexpected argument "now" (values follow their --flag)',
    });
    expect(parseAdminArgs(['train', 'rollback'])).toEqual({
      ok: false,
      message: 'train rollback: --id is required',
    });
  });
});
