import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentials } from '@/db/schema';
import { GET as getAudit } from '@/app/api/v1/audit/route';
import { DELETE as deleteSourceKey } from '@/app/api/v1/source-keys/[id]/route';
import { GET as getSourceKeys, POST as postSourceKey } from '@/app/api/v1/source-keys/route';
import { POST as postPasswordLink } from '@/app/api/v1/users/[id]/password-link/route';
import { PATCH as patchUser } from '@/app/api/v1/users/[id]/route';
import { GET as getUsers, POST as postUser } from '@/app/api/v1/users/route';
import type { Role } from '@/lib/domain/access';
import { authenticateSecret } from '@/lib/identity/authenticate';
import { createUser } from '@/lib/identity/create-user';
import { issueCredential } from '@/lib/identity/issue-credential';
import { updateUser } from '@/lib/identity/update-user';
import { verifyApiKey } from '@/lib/open311/api-keys';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

// The admin's management of people, source keys and the audit log, through the real route handlers.

let app: TestApp;
let adminId: number;
let adminToken: string;
let operatorToken: string;

const BASE = 'http://test.local';

interface Reply {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; errors: { field: string; message: string }[] } };
}

function request(path: string, token: string | null, method = 'GET', body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${BASE}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Reply['body']) : {} };
}

const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const fieldsOf = (r: Reply) => r.body.error?.errors.map((e) => e.field) ?? [];

async function person(login: string, role: Role, scopes?: string[]): Promise<{ id: number; token: string }> {
  const created = await createUser(app.ctx.db, app.ctx.reference, {
    login,
    displayName: `Тест ${login}`,
    role,
    scopes,
    createdBy: 'system:test',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const { secret } = await issueCredential(app.ctx.db, {
    kind: 'personal',
    label: 'test',
    createdBy: 'system:test',
    userId: created.id,
  });
  return { id: created.id, token: secret };
}

const actorOf = async (token: string) =>
  authenticateSecret(app.ctx.db, { authorization: `Bearer ${token}` }, app.ctx.now());

async function auditActions(): Promise<string[]> {
  const r = await reply(await getAudit(request('/api/v1/audit?limit=200', adminToken)));
  expect(r.status).toBe(200);
  return (r.body.entries as { action: string }[]).map((e) => e.action);
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
  ({ id: adminId, token: adminToken } = await person('admin', 'admin'));
  ({ token: operatorToken } = await person('operator', 'operator'));
});
afterAll(() => app.close());

describe('users', () => {
  it('refuses a new user naming each bad field; a taken login → 409', async () => {
    const bad = await reply(
      await postUser(
        request('/api/v1/users', adminToken, 'POST', { login: 'Ы', displayName: '', role: 'boss' }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['displayName', 'role']));
    const login = await reply(
      await postUser(
        request('/api/v1/users', adminToken, 'POST', { login: 'Ы', displayName: 'Имя', role: 'analyst' }),
      ),
    );
    expect(login.status).toBe(400);
    expect(fieldsOf(login)).toEqual(['login']);
    const taken = await reply(
      await postUser(
        request('/api/v1/users', adminToken, 'POST', {
          login: 'operator',
          displayName: 'Двойник',
          role: 'analyst',
        }),
      ),
    );
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['login']);
  });

  it('a scoped role requires known scopes; without a password the answer carries a one-time link', async () => {
    const none = await reply(
      await postUser(
        request('/api/v1/users', adminToken, 'POST', {
          login: 'lead',
          displayName: 'Лид',
          role: 'block_lead',
        }),
      ),
    );
    expect(none.status).toBe(400);
    expect(fieldsOf(none)).toEqual(['scopes']);
    const unknown = await reply(
      await postUser(
        request('/api/v1/users', adminToken, 'POST', {
          login: 'lead',
          displayName: 'Лид',
          role: 'block_lead',
          scopes: ['no-such-block'],
        }),
      ),
    );
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['scopes[0]']);
    const block = [...app.ctx.reference.blocks.keys()][0]!;
    const made = await reply(
      await postUser(
        request('/api/v1/users', adminToken, 'POST', {
          login: 'lead',
          displayName: 'Лид',
          role: 'block_lead',
          scopes: [block],
        }),
      ),
    );
    expect(made.status).toBe(201);
    expect(made.body.passwordLink).toMatch(/^\/password\/cur_lnk_/);
    const list = await reply(await getUsers(request('/api/v1/users', adminToken)));
    const lead = (list.body.users as { login: string; role: string; scopes: string[] }[]).find(
      (u) => u.login === 'lead',
    );
    expect(lead).toMatchObject({ role: 'block_lead', scopes: [block] });

    const link = await reply(
      await postPasswordLink(request('/x', adminToken, 'POST'), params(made.body.id as number)),
    );
    expect(link.status).toBe(201);
    expect(link.body.link).toMatch(/^\/password\/cur_lnk_/);
    const missing = await postPasswordLink(request('/x', adminToken, 'POST'), params(999_999));
    expect(missing.status).toBe(404);
  });

  it('lists each person’s last sign-in from their sessions, and nothing secret', async () => {
    const someone = await person('signed-in', 'analyst');
    await issueCredential(app.ctx.db, {
      kind: 'session',
      label: 'browser',
      createdBy: 'user:signed-in',
      userId: someone.id,
    });
    const list = await getUsers(request('/api/v1/users', adminToken));
    const text = await list.text();
    expect(text).not.toMatch(/cur_(pat|ses|src)_|password_?hash|token_?hash|totp_?secret/i);
    const users = (JSON.parse(text) as { users: { login: string; lastSignInAt: string | null }[] }).users;
    expect(Date.parse(users.find((u) => u.login === 'signed-in')!.lastSignInAt!)).not.toBeNaN();
    expect(users.find((u) => u.login === 'operator')!.lastSignInAt).toBeNull();
  });

  it('changing a role revokes the person’s credentials: their token stops authenticating', async () => {
    const someone = await person('demoted', 'operator');
    expect((await actorOf(someone.token)).actor.kind).toBe('user');
    const renamed = await reply(
      await patchUser(request('/x', adminToken, 'PATCH', { displayName: 'Новое имя' }), params(someone.id)),
    );
    expect(renamed.status).toBe(200);
    expect((await actorOf(someone.token)).actor.kind).toBe('user');

    const heard: number[] = [];
    const off = app.ctx.revocations.on((ids) => heard.push(...ids));
    const changed = await reply(
      await patchUser(request('/x', adminToken, 'PATCH', { role: 'analyst' }), params(someone.id)),
    );
    off();
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ changed: ['role'], revokedCredentials: 1 });
    expect(heard).toHaveLength(1);
    const after = await actorOf(someone.token);
    expect(after.actor.kind).toBe('anonymous');
    expect(after.refused).toBeDefined();
    const asIt = await getUsers(request('/api/v1/users', someone.token));
    expect(asIt.status).toBe(401);
  });

  it('a new role needs its scopes; an admin cannot demote themself; the last active admin stays', async () => {
    const someone = await person('rescoped', 'operator');
    const noScopes = await reply(
      await patchUser(request('/x', adminToken, 'PATCH', { role: 'executor' }), params(someone.id)),
    );
    expect(noScopes.status).toBe(400);
    expect(fieldsOf(noScopes)).toEqual(['scopes']);

    const self = await reply(
      await patchUser(request('/x', adminToken, 'PATCH', { role: 'operator' }), params(adminId)),
    );
    expect(self.status).toBe(409);
    const selfDisable = await patchUser(
      request('/x', adminToken, 'PATCH', { disabled: true }),
      params(adminId),
    );
    expect(selfDisable.status).toBe(409);

    // With a second active admin the first could be demoted by someone else; once the second is disabled,
    // the first is the last active admin and nobody (not even the CLI's system actor) may demote them.
    const second = await person('second-admin', 'admin');
    const disableSecond = await reply(
      await patchUser(request('/x', adminToken, 'PATCH', { disabled: true }), params(second.id)),
    );
    expect(disableSecond.status).toBe(200);
    expect((await actorOf(second.token)).actor.kind).toBe('anonymous');
    const system = { kind: 'system', name: 'test' } as const;
    const demote = await updateUser(app.ctx, system, adminId, { role: 'operator' }, app.ctx.now());
    expect(demote).toMatchObject({ ok: false, status: 409, errors: [{ field: 'role' }] });
    const disable = await updateUser(app.ctx, system, adminId, { disabled: true }, app.ctx.now());
    expect(disable).toMatchObject({ ok: false, status: 409, errors: [{ field: 'disabled' }] });
    // A disabled admin is not the last active one: demoting them is fine.
    const demoteDisabled = await updateUser(app.ctx, system, second.id, { role: 'analyst' }, app.ctx.now());
    expect(demoteDisabled).toMatchObject({ ok: true, changed: ['role'] });
    const unknown = await patchUser(request('/x', adminToken, 'PATCH', { disabled: true }), params(999_999));
    expect(unknown.status).toBe(404);
  });
});

describe('source keys', () => {
  it('shows a key once; it authenticates as its source; the list never holds a secret', async () => {
    const bad = await reply(
      await postSourceKey(
        request('/api/v1/source-keys', adminToken, 'POST', { source: 'nowhere', region: '5', label: ' ' }),
      ),
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['source', 'region', 'label']);
    const issued = await reply(
      await postSourceKey(
        request('/api/v1/source-keys', adminToken, 'POST', {
          source: 'municipal',
          region: 'RU-MOS',
          label: 'Шлюз',
        }),
      ),
    );
    expect(issued.status).toBe(201);
    const key = issued.body.key as string;
    expect(key).toMatch(/^cur_src_/);
    const auth = await actorOf(key);
    expect(auth.actor).toMatchObject({
      kind: 'source',
      source: 'municipal',
      region: 'RU-MOS',
      label: 'Шлюз',
    });
    expect(await verifyApiKey(app.ctx.db, key)).toMatchObject({ source: 'municipal', region: 'RU-MOS' });

    const list = await getSourceKeys(request('/api/v1/source-keys', adminToken));
    const text = await list.text();
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(8));
    const keys = (JSON.parse(text) as { keys: { id: number; label: string; revokedAt: string | null }[] })
      .keys;
    expect(keys.find((k) => k.id === issued.body.id)).toMatchObject({ label: 'Шлюз', revokedAt: null });
    const users = await (await getUsers(request('/api/v1/users', adminToken))).text();
    expect(users).not.toMatch(/cur_(pat|ses|src)_|password_?hash|tokenHash/i);

    const revoked = await deleteSourceKey(
      request('/x', adminToken, 'DELETE'),
      params(issued.body.id as number),
    );
    expect(revoked.status).toBe(204);
    expect(await verifyApiKey(app.ctx.db, key)).toBeNull();
    const withRevoked = await getUsers(request('/api/v1/users', key));
    expect(withRevoked.status).toBe(401);
  });

  it('revokes only source keys: another credential’s id or an unknown one → 404', async () => {
    const [row] = await app.ctx.db
      .select({ id: credentials.id })
      .from(credentials)
      .where(eq(credentials.kind, 'personal'))
      .orderBy(credentials.id)
      .limit(1);
    const personal = await deleteSourceKey(request('/x', adminToken, 'DELETE'), params(Number(row!.id)));
    expect(personal.status).toBe(404);
    expect((await actorOf(adminToken)).actor.kind).toBe('user');
    expect((await deleteSourceKey(request('/x', adminToken, 'DELETE'), params(999_999))).status).toBe(404);
  });
});

describe('audit', () => {
  it('records each admin action and pages newest first with filters', async () => {
    const actions = await auditActions();
    for (const action of ['user_created', 'user_updated', 'source_key_issued', 'source_key_revoked'])
      expect(actions).toContain(action);
    const created = await reply(
      await getAudit(request('/api/v1/audit?action=user_created&actor=user:admin', adminToken)),
    );
    const entries = created.body.entries as { id: number; action: string; actor: string; target: string }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.action === 'user_created' && e.actor === 'user:admin')).toBe(true);

    const first = await reply(await getAudit(request('/api/v1/audit?limit=2', adminToken)));
    const page = first.body.entries as { id: number }[];
    expect(page).toHaveLength(2);
    expect(page[0]!.id).toBeGreaterThan(page[1]!.id);
    const next = await reply(
      await getAudit(request(`/api/v1/audit?limit=2&before=${first.body.nextBefore}`, adminToken)),
    );
    expect((next.body.entries as { id: number }[])[0]!.id).toBeLessThan(page[1]!.id);

    const bad = await reply(
      await getAudit(request('/api/v1/audit?limit=500&action=nope&from=2026-02-30&before=x', adminToken)),
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['limit', 'action', 'from', 'before']));
    const future = await reply(await getAudit(request('/api/v1/audit?from=2099-01-01', adminToken)));
    expect(future.body.entries).toEqual([]);
  });

  it('the audit log refuses UPDATE and DELETE', async () => {
    await expect(app.ctx.db.execute(sql`update audit_log set action = 'login'`)).rejects.toThrow();
    await expect(app.ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect((await auditActions()).length).toBeGreaterThan(0);
  });
});

describe('access', () => {
  const every = (token: string | null) => [
    () => getUsers(request('/api/v1/users', token)),
    () =>
      postUser(request('/api/v1/users', token, 'POST', { login: 'x1', displayName: 'X', role: 'analyst' })),
    () => patchUser(request('/x', token, 'PATCH', { displayName: 'Y' }), params(adminId)),
    () => postPasswordLink(request('/x', token, 'POST'), params(adminId)),
    () => getSourceKeys(request('/api/v1/source-keys', token)),
    () => postSourceKey(request('/api/v1/source-keys', token, 'POST', { source: 'municipal', label: 'x' })),
    () => deleteSourceKey(request('/x', token, 'DELETE'), params(1)),
    () => getAudit(request('/api/v1/audit', token)),
  ];

  it('an operator gets 403 on every admin route', async () => {
    for (const call of every(operatorToken)) expect((await call()).status).toBe(403);
  });

  it('anonymous gets 401 on every admin route', async () => {
    for (const call of every(null)) expect((await call()).status).toBe(401);
  });
});
