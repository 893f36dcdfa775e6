import { describe, expect, it } from 'vitest';
import {
  actorRef,
  can,
  listFilter,
  ROLES,
  seesPersonalData,
  type Action,
  type Actor,
  type DisplayGrant,
  type Role,
  type UserScopes,
} from '@/lib/domain/access';

// The whole matrix written out: a change to ROLE_ACTIONS must change this table too, on purpose.
const ACTIONS = [
  'wall:read',
  'federal:read',
  'briefing:read',
  'briefing:pdf',
  'triage:read',
  'complaint:list',
  'complaint:read',
  'complaint:read-personal',
  'complaint:create',
  'complaint:transition',
  'complaint:route',
  'complaint:classify',
  'incident:answer',
  'webhook:manage',
  'import:run',
  'classifier:manage',
  'identity:manage',
  'audit:read',
  'self:manage',
] as const satisfies readonly Action[];

// Fails to compile when lib/domain/access.ts gains an action this test does not list.
type Unlisted = Exclude<Action, (typeof ACTIONS)[number]>;
const everyActionListed: [Unlisted] extends [never] ? true : false = true;

type Row = Record<(typeof ACTIONS)[number], 0 | 1>;
// prettier-ignore
const MATRIX: Record<Role, Row> = {
  //            wall fed  brief pdf triage list read pers create trans route class incid hook import clf ident audit self
  admin:      row(1,  1,   1,    1,   1,     1,   1,   1,   1,     1,    1,    1,    1,    1,   1,     1,  1,    1,    1),
  operator:   row(1,  1,   1,    1,   1,     1,   1,   1,   1,     1,    1,    1,    1,    0,   0,     0,  0,    0,    1),
  block_lead: row(1,  0,   1,    0,   0,     1,   1,   0,   0,     0,    1,    0,    1,    0,   0,     0,  0,    0,    1),
  municipal:  row(1,  0,   0,    0,   0,     1,   1,   0,   0,     1,    0,    0,    1,    0,   0,     0,  0,    0,    1),
  executor:   row(0,  0,   0,    0,   0,     1,   1,   1,   0,     1,    0,    0,    0,    0,   0,     0,  0,    0,    1),
  analyst:    row(1,  1,   1,    1,   0,     1,   1,   0,   0,     0,    0,    0,    0,    0,   0,     0,  0,    0,    1),
};

function row(...flags: (0 | 1)[]): Row {
  if (flags.length !== ACTIONS.length)
    throw new Error(`a row of ${flags.length} flags for ${ACTIONS.length} actions`);
  return Object.fromEntries(ACTIONS.map((a, i) => [a, flags[i]!])) as Row;
}

const NO_SCOPES: UserScopes = { blocks: [], municipalities: [], executors: [] };

function user(role: Role, scopes: Partial<UserScopes> = {}, login = `t.${role}`): Actor {
  return {
    kind: 'user',
    userId: 1,
    login,
    name: 'Тест',
    role,
    scopes: { ...NO_SCOPES, ...scopes },
    credentialId: 1,
    via: 'personal',
  };
}

function display(grant: DisplayGrant): Actor {
  return { kind: 'display', displayId: 7, name: 'Экран', screen: 'r1c1', grant, credentialId: 2 };
}

function source(code: string, region: string | null = null): Actor {
  return { kind: 'source', source: code, region, credentialId: 3, label: 'key' };
}

const ANONYMOUS: Actor = { kind: 'anonymous' };
const complaint = (executor: string | null, block: string | null, municipality: string | null) => ({
  complaint: { executor, block, municipality },
});

describe('the role × action matrix', () => {
  it('lists every action and every role', () => {
    expect(everyActionListed).toBe(true);
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES)
    it(`${role}: exactly the actions of the table, before any resource`, () => {
      const actor = user(role);
      const allowed = ACTIONS.filter((a) => can(actor, a).ok);
      const expected = ACTIONS.filter((a) => MATRIX[role][a] === 1);
      expect(allowed).toEqual(expected);
      for (const action of ACTIONS.filter((a) => MATRIX[role][a] === 0))
        expect(can(actor, action)).toEqual({ ok: false, status: 403, reason: `not for the role ${role}` });
    });

  it('a role’s missing action stays refused whatever the resource', () => {
    for (const role of ROLES)
      for (const action of ACTIONS.filter((a) => MATRIX[role][a] === 0)) {
        const actor = user(role, { blocks: ['health'], municipalities: ['46704000000'], executors: ['x'] });
        expect(can(actor, action, { scope: { block: 'health' } }).ok).toBe(false);
        expect(can(actor, action, complaint('x', 'health', '46704000000')).ok).toBe(false);
      }
  });
});

describe('anonymous', () => {
  it('is answered 401 for every action, with or without a resource', () => {
    for (const action of ACTIONS) {
      expect(can(ANONYMOUS, action)).toMatchObject({ ok: false, status: 401 });
      expect(can(ANONYMOUS, action, { scope: {} })).toMatchObject({ ok: false, status: 401 });
      expect(can(ANONYMOUS, action, { source: 'dobrodel' })).toMatchObject({ ok: false, status: 401 });
    }
  });
});

describe('scopes narrow the scoped roles', () => {
  const lead = user('block_lead', { blocks: ['health', 'education'] });
  const municipal = user('municipal', { municipalities: ['46704000000'] });
  const executor = user('executor', { executors: ['gkh-balashikha'] });

  it('a block lead reads only their blocks, and never the whole region', () => {
    expect(can(lead, 'wall:read', { scope: { block: 'health' } }).ok).toBe(true);
    expect(can(lead, 'wall:read', { scope: { block: 'education', municipality: '46704000000' } }).ok).toBe(
      true,
    );
    expect(can(lead, 'wall:read', { scope: { block: 'housing' } })).toMatchObject({ ok: false, status: 403 });
    expect(can(lead, 'wall:read', { scope: {} }).ok).toBe(false);
    expect(can(lead, 'wall:read', { scope: { municipality: '46704000000' } }).ok).toBe(false);
    expect(can(lead, 'complaint:read', complaint('any', 'health', null)).ok).toBe(true);
    expect(can(lead, 'complaint:route', complaint('any', 'health', null)).ok).toBe(true);
    expect(can(lead, 'complaint:read', complaint('any', 'housing', null)).ok).toBe(false);
    expect(can(lead, 'complaint:route', complaint('any', null, null)).ok).toBe(false);
  });

  it('a municipal user reads only their OKTMOs', () => {
    expect(can(municipal, 'wall:read', { scope: { municipality: '46704000000' } }).ok).toBe(true);
    expect(can(municipal, 'wall:read', { scope: { municipality: '46704000000', block: 'health' } }).ok).toBe(
      true,
    );
    expect(can(municipal, 'wall:read', { scope: { municipality: '46780000000' } }).ok).toBe(false);
    expect(can(municipal, 'wall:read', { scope: { block: 'health' } }).ok).toBe(false);
    expect(can(municipal, 'wall:read', { scope: {} }).ok).toBe(false);
    expect(can(municipal, 'complaint:transition', complaint('e', 'health', '46704000000')).ok).toBe(true);
    expect(can(municipal, 'complaint:transition', complaint('e', 'health', '46780000000')).ok).toBe(false);
    expect(can(municipal, 'complaint:read', complaint('e', 'health', null)).ok).toBe(false);
  });

  it('an executor reaches only complaints whose executor is theirs', () => {
    const mine = complaint('gkh-balashikha', 'housing', '46704000000');
    const theirs = complaint('gkh-podolsk', 'housing', '46704000000');
    for (const action of ['complaint:read', 'complaint:read-personal', 'complaint:transition'] as const) {
      expect(can(executor, action, mine).ok).toBe(true);
      expect(can(executor, action, theirs)).toMatchObject({ ok: false, status: 403 });
      expect(can(executor, action, complaint(null, 'housing', null)).ok).toBe(false);
    }
  });

  it('unscoped roles are not narrowed by a resource', () => {
    for (const role of ['admin', 'operator', 'analyst'] as const) {
      expect(can(user(role), 'wall:read', { scope: { block: 'health' } }).ok).toBe(true);
      expect(can(user(role), 'wall:read', { scope: {} }).ok).toBe(true);
      expect(can(user(role), 'complaint:read', complaint('x', 'y', 'z')).ok).toBe(true);
    }
  });

  it('a user posting for a source is allowed only with complaint:create', () => {
    expect(can(user('operator'), 'complaint:create', { source: 'dobrodel' }).ok).toBe(true);
    expect(can(user('admin'), 'complaint:list', { source: 'dobrodel' })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('personal data', () => {
  const facts = { executor: 'gkh-balashikha', block: 'housing', municipality: '46704000000' };
  it('only admins, operators and the complaint’s own executor see it', () => {
    expect(seesPersonalData(user('admin'), facts)).toBe(true);
    expect(seesPersonalData(user('operator'), facts)).toBe(true);
    expect(seesPersonalData(user('executor', { executors: ['gkh-balashikha'] }), facts)).toBe(true);
    expect(seesPersonalData(user('executor', { executors: ['gkh-podolsk'] }), facts)).toBe(false);
    expect(seesPersonalData(user('analyst'), facts)).toBe(false);
    expect(seesPersonalData(user('block_lead', { blocks: ['housing'] }), facts)).toBe(false);
    expect(seesPersonalData(user('municipal', { municipalities: ['46704000000'] }), facts)).toBe(false);
    expect(seesPersonalData(display({ scopes: 'any', views: ['wall'] }), facts)).toBe(false);
    expect(seesPersonalData(source('dobrodel'), facts)).toBe(false);
    expect(seesPersonalData(ANONYMOUS, facts)).toBe(false);
  });
});

describe('displays', () => {
  const region = display({ scopes: 'any', views: ['wall'] });
  const health = display({ scopes: [{ block: 'health' }], views: ['wall'] });
  const town = display({ scopes: [{ municipality: '46704000000' }], views: ['wall'] });
  const triage = display({ scopes: [], views: ['triage'] });
  const grid = display({ scopes: 'any', views: ['wall', 'federal', 'triage', 'briefing'] });

  it('read only the views their grant names', () => {
    const views = {
      'wall:read': 'wall',
      'federal:read': 'federal',
      'triage:read': 'triage',
      'briefing:read': 'briefing',
    } as const;
    for (const [action] of Object.entries(views) as [keyof typeof views, string][]) {
      expect(can(grid, action).ok).toBe(true);
      expect(can(triage, action).ok).toBe(action === 'triage:read');
      expect(can(region, action).ok).toBe(action === 'wall:read');
    }
  });

  it('never write, list complaints, or manage anything', () => {
    for (const action of ACTIONS.filter((a) => !a.endsWith(':read') || a.startsWith('complaint:')))
      expect(can(grid, action)).toMatchObject({ ok: false, status: 403 });
    expect(can(grid, 'briefing:pdf').ok).toBe(false);
    expect(can(grid, 'audit:read').ok).toBe(false);
  });

  it('a region display reads any scope; a block display its block (and that block in a town) only', () => {
    expect(can(region, 'wall:read', { scope: {} }).ok).toBe(true);
    expect(can(region, 'wall:read', { scope: { block: 'education' } }).ok).toBe(true);
    expect(can(health, 'wall:read', { scope: { block: 'health' } }).ok).toBe(true);
    expect(can(health, 'wall:read', { scope: { block: 'health', municipality: '46704000000' } }).ok).toBe(
      true,
    );
    expect(can(health, 'wall:read', { scope: { block: 'education' } })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(can(health, 'wall:read', { scope: {} }).ok).toBe(false);
    expect(can(health, 'wall:read', { scope: { municipality: '46704000000' } }).ok).toBe(false);
    expect(can(town, 'wall:read', { scope: { municipality: '46704000000', block: 'health' } }).ok).toBe(true);
    expect(can(town, 'wall:read', { scope: { municipality: '46780000000' } }).ok).toBe(false);
    expect(can(health, 'wall:read', complaint('x', 'health', null)).ok).toBe(false);
  });

  it('a display with no grant (its screen left the layout) reads nothing', () => {
    const orphan = display({ scopes: [], views: [] });
    for (const action of ACTIONS) expect(can(orphan, action).ok).toBe(false);
  });
});

describe('source keys', () => {
  it('only post complaints, for their own source and region', () => {
    const key = source('dobrodel', 'RU-MOS');
    for (const action of ACTIONS.filter((a) => a !== 'complaint:create'))
      expect(can(key, action)).toMatchObject({ ok: false, status: 403 });
    expect(can(key, 'complaint:create').ok).toBe(true);
    expect(can(key, 'complaint:create', { source: 'dobrodel', region: 'RU-MOS' }).ok).toBe(true);
    expect(can(key, 'complaint:create', { source: 'incident', region: 'RU-MOS' })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(can(key, 'complaint:create', { source: 'dobrodel', region: 'RU-SPE' }).ok).toBe(false);
    expect(can(key, 'complaint:create', { source: 'dobrodel' }).ok).toBe(false);
    expect(can(key, 'complaint:create', { scope: {} }).ok).toBe(false);
  });

  it('a key without a region speaks for its source in any region', () => {
    const key = source('hotline');
    expect(can(key, 'complaint:create', { source: 'hotline', region: 'RU-SPE' }).ok).toBe(true);
    expect(can(key, 'complaint:create', { source: 'hotline' }).ok).toBe(true);
    expect(can(key, 'complaint:create', { source: '112' }).ok).toBe(false);
  });
});

describe('the system', () => {
  it('in-process writers may do anything', () => {
    const system: Actor = { kind: 'system', name: 'simulator' };
    for (const action of ACTIONS) expect(can(system, action).ok).toBe(true);
  });
});

describe('listFilter', () => {
  it('narrows scoped roles to their codes and leaves the rest whole', () => {
    expect(listFilter(user('block_lead', { blocks: ['health'] }))).toEqual({ blocks: ['health'] });
    expect(listFilter(user('municipal', { municipalities: ['46704000000'] }))).toEqual({
      municipalities: ['46704000000'],
    });
    expect(listFilter(user('executor', { executors: ['gkh-balashikha'] }))).toEqual({
      executors: ['gkh-balashikha'],
    });
    for (const role of ['admin', 'operator', 'analyst'] as const) expect(listFilter(user(role))).toBeNull();
    expect(listFilter(display({ scopes: 'any', views: ['wall'] }))).toBeNull();
    expect(listFilter(source('dobrodel'))).toBeNull();
  });
});

describe('actorRef', () => {
  it('names each kind of actor from its identity', () => {
    expect(actorRef(user('operator', {}, 'ivanov'))).toBe('user:ivanov');
    expect(actorRef(display({ scopes: 'any', views: ['wall'] }))).toBe('display:7');
    expect(actorRef(source('dobrodel'))).toBe('source:dobrodel');
    expect(actorRef({ kind: 'system', name: 'simulator' })).toBe('system:simulator');
    expect(actorRef(ANONYMOUS)).toBe('anonymous');
  });
});
