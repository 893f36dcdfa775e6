/**
 * The admin CLI: `npm run admin -- <command> [flags] [--json]` (scripts/admin-args.ts lists the commands).
 * Non-interactive, so other systems can set up an instance: secrets are printed once on stdout, `--json`
 * prints one JSON object, bad arguments exit 2 naming the flag. It opens the database the server uses
 * (DATABASE_URL, else PGlite in PGLITE_DIR) and refuses while a server holds the embedded database.
 * Every change is in the audit log as `system:cli`.
 */
import { createApp } from '../lib/app/create-app';
import { ConfigError, loadConfig } from '../lib/config';
import type { Actor } from '../lib/domain/access';
import type { FieldError } from '../lib/domain/field-errors';
import { adminCreateUser } from '../lib/identity/admin-create-user';
import { recordAudit } from '../lib/identity/audit';
import { bootstrapIdentities } from '../lib/identity/bootstrap';
import { claimDisplayLink } from '../lib/identity/claim-display-link';
import { displayPath } from '../lib/identity/display-grant';
import { screenProblem } from '../lib/identity/display-screen';
import { issueCredential } from '../lib/identity/issue-credential';
import { issueSourceKey } from '../lib/identity/issue-source-key';
import { listUsers, type UserSummary } from '../lib/identity/list-users';
import { createOneTimeLink } from '../lib/identity/one-time-links';
import { revokeCredential } from '../lib/identity/revoke-credential';
import { updateUser } from '../lib/identity/update-user';
import type { AppContext } from '../lib/context';
import { lockDataDir } from '../lib/server/data-dir-lock';
import { parseAdminArgs, USAGE, type AdminCommand } from './admin-args';
import { isTrainCommand, runTrainCommand } from './admin-train';

const CLI: Actor = { kind: 'system', name: 'cli' };
const DAY_MS = 86_400_000;

/** A refusal the person can fix: exit 2 for their arguments, 1 for the state of the instance. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

type Output = { json: Record<string, unknown>; text: string };

function fieldErrors(command: string, errors: FieldError[], flags: Record<string, string> = {}): CliError {
  const named = errors.map((e) => {
    const base = e.field.replace(/\[\d+\]$/, '');
    return `--${flags[base] ?? base}: ${e.message}`;
  });
  return new CliError(`${command}: ${named.join('; ')}`, 2);
}

async function userByLogin(ctx: AppContext, command: string, login: string): Promise<UserSummary> {
  const folded = login.trim().toLowerCase();
  const user = (await listUsers(ctx.db, ctx.now())).find((u) => u.login === folded);
  if (!user) throw new CliError(`${command}: --login: no user "${folded}"`, 2);
  return user;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('--password-stdin: pipe the password in (nothing to read)', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function run(ctx: AppContext, command: AdminCommand, publicUrl: string): Promise<Output> {
  const now = ctx.now();
  const deps = { db: ctx.db, reference: ctx.reference, revocations: ctx.revocations };
  if (isTrainCommand(command)) {
    const answer = await runTrainCommand(ctx, CLI, command);
    if ('refusal' in answer) throw new CliError(answer.refusal, answer.exitCode);
    return answer;
  }
  switch (command.name) {
    case 'user create': {
      const password = command.passwordStdin ? await readStdin() : undefined;
      const created = await adminCreateUser(
        ctx.db,
        ctx.reference,
        CLI,
        {
          login: command.login,
          displayName: command.displayName,
          role: command.role,
          scopes: command.scopes,
          password,
        },
        now,
      );
      if (!created.ok)
        throw fieldErrors(command.name, created.errors, { displayName: 'name', scopes: 'scope' });
      const link = created.passwordLink ? `${publicUrl}${created.passwordLink}` : null;
      return {
        json: { id: created.id, login: command.login.trim().toLowerCase(), setPasswordUrl: link },
        text:
          `user ${command.login.trim().toLowerCase()} created, id ${created.id}` +
          (link ? `\nset-password link (works once, 72 h), shown once:\n${link}` : ''),
      };
    }
    case 'user list': {
      const users = await listUsers(ctx.db, now);
      const lines = users.map(
        (u) =>
          `${String(u.id).padStart(4)}  ${u.login.padEnd(20)} ${u.role.padEnd(10)} ${u.scopes.join(',') || '-'}` +
          `${u.disabled ? '  (disabled)' : ''}${u.locked ? '  (locked)' : ''}  ${u.name}`,
      );
      return { json: { users }, text: lines.length > 0 ? lines.join('\n') : 'no users yet' };
    }
    case 'user disable':
    case 'user role': {
      const user = await userByLogin(ctx, command.name, command.login);
      const changes =
        command.name === 'user disable' ? { disabled: true } : { role: command.role, scopes: command.scopes };
      const updated = await updateUser(deps, CLI, user.id, changes, now);
      if (!updated.ok)
        throw updated.status === 400
          ? fieldErrors(command.name, updated.errors, { scopes: 'scope' })
          : new CliError(`${command.name}: ${updated.errors.map((e) => e.message).join('; ')}`, 1);
      return {
        json: {
          id: user.id,
          login: user.login,
          changed: updated.changed,
          revokedCredentials: updated.revoked,
        },
        text:
          updated.changed.length === 0
            ? `user ${user.login}: nothing to change`
            : `user ${user.login}: ${updated.changed.join(', ')} changed; ${updated.revoked} credential(s) revoked`,
      };
    }
    case 'token create': {
      const user = await userByLogin(ctx, command.name, command.login);
      if (user.disabled) throw new CliError(`${command.name}: --login: ${user.login} is disabled`, 1);
      const expiresAt = command.days ? new Date(now.getTime() + command.days * DAY_MS) : null;
      const { id, secret } = await issueCredential(ctx.db, {
        kind: 'personal',
        label: command.label,
        createdBy: 'system:cli',
        userId: user.id,
        expiresAt,
      });
      await recordAudit(ctx.db, {
        actor: CLI,
        action: 'token_issued',
        target: `credential:${id}`,
        detail: { login: user.login, label: command.label, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return {
        json: { id, login: user.login, token: secret, expiresAt: expiresAt?.toISOString() ?? null },
        text: `personal token ${id} for ${user.login} (Authorization: Bearer …), shown once:\n${secret}`,
      };
    }
    case 'key create': {
      const issued = await issueSourceKey(ctx.db, ctx.reference, CLI, command);
      if (!issued.ok) throw fieldErrors(command.name, issued.errors);
      return {
        json: { id: issued.id, source: issued.source, region: issued.region, key: issued.key },
        text:
          `source key ${issued.id} for ${issued.source}${issued.region ? ` (region ${issued.region})` : ''}` +
          ` (Authorization: Bearer …, or Open311 api_key), shown once:\n${issued.key}`,
      };
    }
    case 'display link':
    case 'display create': {
      const problem = screenProblem(command.screen);
      if (problem) throw new CliError(`${command.name}: --screen: "${command.screen}" is ${problem}`, 2);
      const name = command.displayName ?? `Экран ${command.screen}`;
      const link = await createOneTimeLink(ctx.db, 'display', DAY_MS, now, {
        screen: command.screen,
        name,
        createdBy: 'system:cli',
      });
      if (command.name === 'display link') {
        await recordAudit(ctx.db, {
          actor: CLI,
          action: 'display_link_issued',
          target: `screen:${command.screen}`,
          detail: { screen: command.screen, name, expiresAt: link.expiresAt.toISOString() },
        });
        const url = `${publicUrl}/pair/link/${link.token}`;
        return {
          json: { url, screen: command.screen, name, expiresAt: link.expiresAt.toISOString() },
          text: `display link for screen ${command.screen} (open it in the screen's browser; works once, 24 h):\n${url}`,
        };
      }
      const claim = await claimDisplayLink(ctx.db, link.token, now);
      if (!claim.ok) throw new CliError(`${command.name}: the display could not be created`, 1);
      await recordAudit(ctx.db, {
        actor: CLI,
        action: 'display_paired',
        target: `display:${claim.displayId}`,
        detail: { screen: claim.screen, name: claim.name },
      });
      const open = `${publicUrl}${displayPath(claim.screen)}`;
      return {
        json: {
          displayId: claim.displayId,
          screen: claim.screen,
          name: claim.name,
          token: claim.secret,
          url: open,
        },
        text:
          `display ${claim.displayId} «${claim.name}» paired to screen ${claim.screen}; its token, shown once\n` +
          `(the kiosk sends it as the cur_display cookie, then opens ${open}):\n${claim.secret}`,
      };
    }
    case 'revoke': {
      const result = await revokeCredential(ctx.db, ctx.revocations, CLI, command.id, now);
      if (!result.found) throw new CliError(`revoke: --id: no credential ${command.id}`, 2);
      return {
        json: { id: command.id, kind: result.kind, revokedNow: result.revokedNow },
        text: result.revokedNow
          ? `${result.kind} credential ${command.id} («${result.label}») revoked`
          : `${result.kind} credential ${command.id} was already revoked`,
      };
    }
    case 'first-admin-link': {
      const links = await bootstrapIdentities(ctx, { publicUrl, embedded: false });
      if (!links.firstAdminUrl)
        throw new CliError(
          'first-admin-link: an administrator exists; add another with `user create --role admin`',
          1,
        );
      return {
        json: { url: links.firstAdminUrl },
        text: `create the first administrator here (works once, 24 h; earlier links are void):\n${links.firstAdminUrl}`,
      };
    }
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseAdminArgs(argv);
  if (parsed.ok === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`${parsed.message}\n(\`npm run admin -- --help\` lists the commands and flags)`);
    return 2;
  }
  const config = loadConfig();
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const lock = config.DATABASE_URL ? null : lockDataDir(config.PGLITE_DIR);
  try {
    const app = await createApp({
      database: { databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR },
      hubs: false,
    });
    try {
      const out = await run(app.ctx, parsed.command, publicUrl);
      console.log(parsed.json ? JSON.stringify(out.json) : out.text);
      return 0;
    } finally {
      await app.close();
    }
  } finally {
    lock?.release();
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // With --json a script reads the refusal as JSON too (stderr; stdout stays empty).
    console.error(argv.includes('--json') ? JSON.stringify({ error: message }) : message);
    if (error instanceof CliError) process.exit(error.exitCode);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
