/**
 * The admin CLI's command line: every command and flag checked before the database is opened, so a typo
 * answers at once (exit 2) naming the flag and why. Kept apart from scripts/admin.ts so tests parse without a
 * database.
 */
import { parseArgs } from 'node:util';
import { ROLES, ROLE_SCOPE, type Role } from '../lib/domain/access';

export type AdminCommand =
  | {
      name: 'user create';
      login: string;
      displayName: string;
      role: Role;
      scopes: string[];
      passwordStdin: boolean;
    }
  | { name: 'user list' }
  | { name: 'user disable'; login: string }
  | { name: 'user role'; login: string; role: Role; scopes: string[] }
  | { name: 'token create'; login: string; label: string; days: number | null }
  | { name: 'key create'; source: string; region: string | null; label: string }
  | { name: 'display link'; screen: string; displayName: string | null }
  | { name: 'display create'; screen: string; displayName: string }
  | { name: 'revoke'; id: number }
  | { name: 'first-admin-link' }
  | { name: 'train run' }
  | { name: 'train import'; file: string }
  | { name: 'train list' }
  | { name: 'train rollback'; id: number };

export type ParsedArgs =
  { ok: true; command: AdminCommand; json: boolean } | { ok: false; message: string } | { ok: 'help' };

export const USAGE = `usage: npm run admin -- <command> [flags] [--json]

  user create --login L --name "Имя" --role R [--scope CODE ...] [--password-stdin]
  user list
  user disable --login L
  user role --login L --role R [--scope CODE ...]
  token create --login L --label X [--days N]
  key create --source S [--region NN] --label X
  display link --screen ID [--name N]
  display create --screen ID --name N
  revoke --id N
  first-admin-link
  train run                    retrain the classifier now (goes live only if it beats the live version)
  train import FILE.csv        labelled history: a text column and a category (or block) column
  train list
  train rollback --id N        make an earlier classifier version live again

roles: ${ROLES.join(', ')} (block_lead: --scope <block code>, municipal: --scope <OKTMO>,
executor: --scope <executor code>; repeat --scope for several). Secrets are printed once.`;

const OPTIONS = {
  login: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  scope: { type: 'string', multiple: true },
  'password-stdin': { type: 'boolean' },
  label: { type: 'string' },
  days: { type: 'string' },
  source: { type: 'string' },
  region: { type: 'string' },
  screen: { type: 'string' },
  id: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** Flags each command takes besides --json and --help. */
const ALLOWED: Record<AdminCommand['name'], readonly (keyof typeof OPTIONS)[]> = {
  'user create': ['login', 'name', 'role', 'scope', 'password-stdin'],
  'user list': [],
  'user disable': ['login'],
  'user role': ['login', 'role', 'scope'],
  'token create': ['login', 'label', 'days'],
  'key create': ['source', 'region', 'label'],
  'display link': ['screen', 'name'],
  'display create': ['screen', 'name'],
  revoke: ['id'],
  'first-admin-link': [],
  'train run': [],
  'train import': [],
  'train list': [],
  'train rollback': ['id'],
};

/** Commands that take one positional argument after their name (a file). */
const POSITIONAL: Partial<Record<AdminCommand['name'], string>> = { 'train import': 'FILE.csv' };

class ArgError extends Error {}

function required(values: Values, flag: 'login' | 'name' | 'role' | 'label' | 'source' | 'screen' | 'id') {
  const value = values[flag]?.trim();
  if (!value) throw new ArgError(`--${flag} is required`);
  return value;
}

function roleOf(values: Values): { role: Role; scopes: string[] } {
  const raw = required(values, 'role');
  const role = ROLES.find((r) => r === raw);
  if (!role) throw new ArgError(`--role: unknown role "${raw}"; one of ${ROLES.join(', ')}`);
  const scopes = (values.scope ?? []).map((s) => s.trim()).filter(Boolean);
  const kind = ROLE_SCOPE[role];
  if (kind === null && scopes.length > 0) throw new ArgError(`--scope: the role ${role} takes no scopes`);
  if (kind !== null && scopes.length === 0)
    throw new ArgError(`--scope: the role ${role} needs at least one ${kind} code`);
  return { role, scopes };
}

function positiveInteger(values: Values, flag: 'days' | 'id', max: number): number {
  const raw = values[flag]!.trim();
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1 || n > max)
    throw new ArgError(`--${flag}: "${raw}" must be a whole number from 1 to ${max}`);
  return n;
}

function commandOf(name: AdminCommand['name'], values: Values, extra: readonly string[]): AdminCommand {
  switch (name) {
    case 'train run':
    case 'train list':
      return { name };
    case 'train import':
      return { name, file: extra[0]! };
    case 'train rollback':
      required(values, 'id');
      return { name, id: positiveInteger(values, 'id', Number.MAX_SAFE_INTEGER) };
    case 'user create':
      return {
        name,
        login: required(values, 'login'),
        displayName: required(values, 'name'),
        ...roleOf(values),
        passwordStdin: values['password-stdin'] === true,
      };
    case 'user list':
    case 'first-admin-link':
      return { name };
    case 'user disable':
      return { name, login: required(values, 'login') };
    case 'user role':
      return { name, login: required(values, 'login'), ...roleOf(values) };
    case 'token create':
      return {
        name,
        login: required(values, 'login'),
        label: required(values, 'label'),
        days: values.days === undefined ? null : positiveInteger(values, 'days', 365),
      };
    case 'key create': {
      const region = values.region?.trim() ?? null;
      if (region !== null && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(region))
        throw new ArgError(`--region: "${region}" must be an ISO 3166-2 region code such as RU-MOS`);
      return { name, source: required(values, 'source'), region, label: required(values, 'label') };
    }
    case 'display link':
      return { name, screen: required(values, 'screen'), displayName: values.name?.trim() || null };
    case 'display create':
      return { name, screen: required(values, 'screen'), displayName: required(values, 'name') };
    case 'revoke':
      required(values, 'id');
      return { name, id: positiveInteger(values, 'id', Number.MAX_SAFE_INTEGER) };
  }
}

/** The command the arguments name, or why they name none. */
export function parseAdminArgs(argv: readonly string[]): ParsedArgs {
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { ok: 'help' };
  const names = Object.keys(ALLOWED) as AdminCommand['name'][];
  const name =
    names.find((n) => n === positionals.slice(0, 2).join(' ')) ?? names.find((n) => n === positionals[0]);
  if (!name) return { ok: false, message: `unknown command "${positionals.join(' ')}"` };
  const extra = positionals.slice(name.split(' ').length);
  const positional = POSITIONAL[name];
  if (positional !== undefined && extra.length !== 1)
    return { ok: false, message: `${name}: needs ${positional} (one file)` };
  if (positional === undefined && extra.length > 0)
    return { ok: false, message: `${name}: unexpected argument "${extra[0]}" (values follow their --flag)` };
  const stray = (Object.keys(values) as (keyof typeof OPTIONS)[]).find(
    (flag) => flag !== 'json' && values[flag] !== undefined && !ALLOWED[name].includes(flag),
  );
  if (stray) return { ok: false, message: `${name}: --${stray} is not a flag of this command` };
  try {
    return { ok: true, command: commandOf(name, values, extra), json: values.json === true };
  } catch (error) {
    if (error instanceof ArgError) return { ok: false, message: `${name}: ${error.message}` };
    throw error;
  }
}
