import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { authenticateSecret } from '@/lib/identity/authenticate';
import { bootstrapIdentities } from '@/lib/identity/bootstrap';
import { claimDisplayLink } from '@/lib/identity/claim-display-link';
import { completeFirstAdmin } from '@/lib/identity/first-admin';
import { peekOneTimeLink } from '@/lib/identity/one-time-links';
import { ProvisioningError, provisionIdentities } from '@/lib/identity/provision-identities';
import { createTestApp, type TestApp } from '../helpers/test-context';

const PUBLIC = 'http://wall.test:3000';
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('first start: the one-time admin link and the ready display link', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('prints a first-admin link only while no admin exists; a new start voids the previous one', async () => {
    const { ctx } = app;
    const first = await bootstrapIdentities(ctx, { publicUrl: PUBLIC, embedded: false });
    expect(first.firstAdminUrl).toMatch(/^http:\/\/wall\.test:3000\/setup\/cur_lnk_/);
    expect(first.displayUrl).toBeNull();

    const second = await bootstrapIdentities(ctx, { publicUrl: PUBLIC, embedded: false });
    expect(await peekOneTimeLink(ctx.db, 'first_admin', tokenOf(first.firstAdminUrl!), ctx.now())).toBeNull();
    const token = tokenOf(second.firstAdminUrl!);

    const input = { login: 'chief', displayName: 'Главный', password: 'Long-enough-pass-1' };
    const made = await completeFirstAdmin(ctx.db, ctx.reference, token, input, ctx.now());
    expect(made.kind).toBe('ok');
    const again = await completeFirstAdmin(
      ctx.db,
      ctx.reference,
      token,
      { ...input, login: 'chief2' },
      ctx.now(),
    );
    expect(again.kind).toBe('link_invalid');

    expect(await bootstrapIdentities(ctx, { publicUrl: PUBLIC, embedded: true })).toEqual({
      firstAdminUrl: null,
      displayUrl: null,
    });
  });
});

describe('the embedded default also gets a display link', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('pairs the first screen of the layout once, and is audited', async () => {
    const { ctx } = app;
    const links = await bootstrapIdentities(ctx, { publicUrl: PUBLIC, embedded: true });
    expect(links.displayUrl).toMatch(/^http:\/\/wall\.test:3000\/pair\/link\/cur_lnk_/);
    const token = tokenOf(links.displayUrl!);
    const claim = await claimDisplayLink(ctx.db, token, ctx.now());
    expect(claim).toMatchObject({ ok: true, screen: 'r1c2', name: 'Экран этого компьютера' });
    expect((await claimDisplayLink(ctx.db, token, ctx.now())).ok).toBe(false);

    const auth = await authenticateSecret(
      ctx.db,
      { authorization: `Bearer ${claim.ok && claim.secret}` },
      ctx.now(),
    );
    expect(auth.actor).toMatchObject({ kind: 'display', screen: 'r1c2' });
    const audit = await ctx.db.select().from(auditLog);
    expect(audit.find((a) => a.action === 'display_link_issued')).toMatchObject({
      actor: 'system:bootstrap',
      target: 'screen:r1c2',
    });
  });
});

describe('BOOTSTRAP_IDENTITIES_FILE provisioning', () => {
  let app: TestApp;
  let dir: string;
  beforeAll(async () => {
    app = await createTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'identities-'));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, body: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, JSON.stringify(body));
    return { file, secretsFile: path.join(dir, `${name}.secrets.json`), publicUrl: PUBLIC };
  };

  it('refuses a bad file naming the entry and field, creating nobody', async () => {
    const request = write('bad.json', {
      users: [
        { login: 'ok', name: 'Оператор', role: 'operator' },
        { login: 'lead', name: 'Руководитель', role: 'block_lead', scopes: ['nowhere'] },
      ],
    });
    await expect(provisionIdentities(app.ctx, request)).rejects.toThrow(ProvisioningError);
    await expect(provisionIdentities(app.ctx, request)).rejects.toThrow(
      /users\.1\.scopes\[0\]: unknown block/,
    );
    expect(await app.ctx.db.select().from(users)).toHaveLength(0);
  });

  it('creates the listed users with tokens, sessions and passwords on an empty table, once', async () => {
    const { ctx } = app;
    const request = write('ok.json', {
      users: [
        { login: 'admin', name: 'Администратор', role: 'admin', password: true, session: true },
        { login: 'municipal', name: 'Балашиха', role: 'municipal', scopes: ['46704000000'] },
      ],
    });
    const secrets = await provisionIdentities(ctx, request);
    expect(Object.keys(secrets!)).toEqual(['admin', 'municipal']);
    expect((statSync(request.secretsFile).mode & 0o777).toString(8)).toBe('600');
    const onDisk = JSON.parse(readFileSync(request.secretsFile, 'utf8')) as { users: typeof secrets };
    expect(onDisk.users).toEqual(secrets);

    const admin = secrets!.admin!;
    expect(admin.password).toMatch(/^[\w-]{24}$/);
    expect(admin.setPasswordUrl).toBeUndefined();
    const byToken = await authenticateSecret(ctx.db, { authorization: `Bearer ${admin.token}` }, ctx.now());
    expect(byToken.actor).toMatchObject({ kind: 'user', login: 'admin', role: 'admin', via: 'personal' });
    const bySession = await authenticateSecret(ctx.db, { cookie: `cur_session=${admin.session}` }, ctx.now());
    expect(bySession).toMatchObject({ carrier: 'cookie', actor: { login: 'admin', via: 'session' } });

    const municipal = secrets!.municipal!;
    expect(municipal.session).toBeUndefined();
    expect(municipal.setPasswordUrl).toMatch(/^http:\/\/wall\.test:3000\/password\/cur_lnk_/);
    const viaToken = await authenticateSecret(
      ctx.db,
      { authorization: `Bearer ${municipal.token}` },
      ctx.now(),
    );
    expect(viaToken.actor).toMatchObject({ role: 'municipal', scopes: { municipalities: ['46704000000'] } });

    // A restart with the same file (or any file) changes nobody.
    expect(await provisionIdentities(ctx, request)).toBeNull();
    expect(await ctx.db.select().from(users)).toHaveLength(2);
  });
});
