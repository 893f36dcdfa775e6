import type { WallScope } from './scope';

/**
 * Who may do what: the one authorization decision. Every route handler, page and socket event asks
 * `can(actor, action, resource)`; nothing else grants access. Pure, so the whole matrix is tested directly.
 */

export const ROLES = ['admin', 'operator', 'block_lead', 'municipal', 'executor', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** What narrows a role: a block lead's blocks, a municipal user's OKTMOs, an executor's code. */
export const SCOPE_KINDS = ['block', 'municipality', 'executor'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Which scope kind each role needs (at least one code), or none. */
export const ROLE_SCOPE: Record<Role, ScopeKind | null> = {
  admin: null,
  operator: null,
  block_lead: 'block',
  municipal: 'municipality',
  executor: 'executor',
  analyst: null,
};

export const CREDENTIAL_KINDS = ['session', 'personal', 'display', 'source'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export const ONE_TIME_PURPOSES = ['first_admin', 'display', 'set_password'] as const;
export type OneTimePurpose = (typeof ONE_TIME_PURPOSES)[number];

export interface UserScopes {
  blocks: readonly string[];
  municipalities: readonly string[];
  executors: readonly string[];
}

/** What a paired display may read: the scopes and views of its wall screen. */
export interface DisplayGrant {
  /** 'any' for a whole-region screen; else the scopes its screen shows (a block, a municipality). */
  scopes: 'any' | readonly WallScope[];
  views: readonly DisplayView[];
}
export type DisplayView = 'wall' | 'triage' | 'briefing' | 'federal';

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: number;
      login: string;
      name: string;
      role: Role;
      scopes: UserScopes;
      credentialId: number;
      via: 'session' | 'personal';
    }
  | {
      kind: 'display';
      displayId: number;
      name: string;
      /** The wall layout screen it shows. */
      screen: string | null;
      grant: DisplayGrant;
      credentialId: number;
    }
  | { kind: 'source'; source: string; region: string | null; credentialId: number; label: string }
  /** In-process writers (the simulator, the SLA clock, the CLI): never reached through HTTP. */
  | { kind: 'system'; name: string };

export type Action =
  /** Aggregates of a scope: counts, rollups, the live feed (masked excerpts). */
  | 'wall:read'
  | 'federal:read'
  | 'briefing:read'
  | 'briefing:pdf'
  | 'triage:read'
  /** Lists of complaints; the caller filters them with `listFilter`. */
  | 'complaint:list'
  | 'complaint:read'
  /** Unmasked text, answers and comments of one complaint. */
  | 'complaint:read-personal'
  | 'complaint:create'
  | 'complaint:transition'
  | 'complaint:route'
  | 'complaint:classify'
  /** Answer an incident's alarm: acknowledge it, take it into work, close it. */
  | 'incident:answer'
  | 'webhook:manage'
  | 'import:run'
  /** Retrain the classifier, import labelled history, roll a version back; see the versions. */
  | 'classifier:manage'
  | 'identity:manage'
  | 'audit:read'
  /** A person's own tokens, second factor and session. */
  | 'self:manage';

/** What an action is about; absent when the action is checked before the thing is known (the route gate). */
export type Resource =
  { scope: WallScope } | { complaint: ComplaintFacts } | { source: string; region?: string | null };

export interface ComplaintFacts {
  executor: string | null;
  block: string | null;
  municipality: string | null;
}

export type Decision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const ALLOW: Decision = { ok: true };
const deny = (reason: string): Decision => ({ ok: false, status: 403, reason });

/** What an operator does; an admin does all of it and runs the center's identities and outside links. */
const OPERATOR_ACTIONS: readonly Action[] = [
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
  'self:manage',
];

/** Actions each role may take at all; the resource then narrows scoped roles. */
const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>([
    ...OPERATOR_ACTIONS,
    'webhook:manage',
    'import:run',
    'classifier:manage',
    'identity:manage',
    'audit:read',
  ]),
  operator: new Set<Action>(OPERATOR_ACTIONS),
  analyst: new Set<Action>([
    'wall:read',
    'federal:read',
    'briefing:read',
    'briefing:pdf',
    'complaint:list',
    'complaint:read',
    'self:manage',
  ]),
  block_lead: new Set<Action>([
    'wall:read',
    'incident:answer',
    'briefing:read',
    'complaint:list',
    'complaint:read',
    'complaint:route',
    'self:manage',
  ]),
  municipal: new Set<Action>([
    'wall:read',
    'incident:answer',
    'complaint:list',
    'complaint:read',
    'complaint:transition',
    'self:manage',
  ]),
  executor: new Set<Action>([
    'complaint:list',
    'complaint:read',
    'complaint:read-personal',
    'complaint:transition',
    'self:manage',
  ]),
};

function userScopeDecision(
  role: Role,
  scopes: UserScopes,
  action: Action,
  resource: Resource | undefined,
): Decision {
  if (!resource) return ALLOW;
  if ('scope' in resource) {
    const { block, municipality } = resource.scope;
    if (role === 'block_lead')
      return block !== undefined && scopes.blocks.includes(block) ? ALLOW : deny('outside your blocks');
    if (role === 'municipal')
      return municipality !== undefined && scopes.municipalities.includes(municipality)
        ? ALLOW
        : deny('outside your municipalities');
    return ALLOW;
  }
  if ('complaint' in resource) {
    const c = resource.complaint;
    if (role === 'block_lead')
      return c.block !== null && scopes.blocks.includes(c.block) ? ALLOW : deny('outside your blocks');
    if (role === 'municipal')
      return c.municipality !== null && scopes.municipalities.includes(c.municipality)
        ? ALLOW
        : deny('outside your municipalities');
    if (role === 'executor')
      return c.executor !== null && scopes.executors.includes(c.executor)
        ? ALLOW
        : deny('not your complaint');
    return ALLOW;
  }
  return action === 'complaint:create' ? ALLOW : deny('not a source');
}

function displayDecision(grant: DisplayGrant, action: Action, resource: Resource | undefined): Decision {
  const view: Partial<Record<Action, DisplayView>> = {
    'wall:read': 'wall',
    'triage:read': 'triage',
    'briefing:read': 'briefing',
    'federal:read': 'federal',
  };
  const needed = view[action];
  if (!needed) return deny('displays only read');
  if (needed !== 'wall') return grant.views.includes(needed) ? ALLOW : deny('not on this display');
  if (!grant.views.includes('wall')) return deny('not on this display');
  if (grant.scopes === 'any' || !resource) return ALLOW;
  if (!('scope' in resource)) return deny('displays only read scopes');
  const asked = resource.scope;
  // A display for a block may also drill that block into a municipality; a municipal display any block there.
  const fits = grant.scopes.some(
    (s) =>
      (s.block === undefined || s.block === asked.block) &&
      (s.municipality === undefined || s.municipality === asked.municipality) &&
      (s.block !== undefined || s.municipality !== undefined),
  );
  return fits ? ALLOW : deny('outside this display’s screen');
}

/** The decision: allowed, or why not (401 without an identity, 403 with one). */
export function can(actor: Actor, action: Action, resource?: Resource): Decision {
  switch (actor.kind) {
    case 'anonymous':
      return { ok: false, status: 401, reason: 'sign in or send a key' };
    case 'system':
      return ALLOW;
    case 'source': {
      if (action !== 'complaint:create') return deny('a source key only posts complaints');
      if (!resource) return ALLOW;
      if (!('source' in resource)) return deny('a source key only posts complaints');
      if (resource.source !== actor.source) return deny(`this key speaks for ${actor.source} only`);
      if (actor.region !== null && (resource.region ?? null) !== actor.region)
        return deny(`this key speaks for region ${actor.region} only`);
      return ALLOW;
    }
    case 'display':
      return displayDecision(actor.grant, action, resource);
    case 'user': {
      if (!ROLE_ACTIONS[actor.role].has(action)) return deny(`not for the role ${actor.role}`);
      return userScopeDecision(actor.role, actor.scopes, action, resource);
    }
  }
}

/** How a list query narrows its rows for an actor allowed `complaint:list`: null means everything. */
export interface ListFilter {
  blocks?: readonly string[];
  municipalities?: readonly string[];
  executors?: readonly string[];
}

export function listFilter(actor: Actor): ListFilter | null {
  if (actor.kind !== 'user') return null;
  switch (actor.role) {
    case 'block_lead':
      return { blocks: actor.scopes.blocks };
    case 'municipal':
      return { municipalities: actor.scopes.municipalities };
    case 'executor':
      return { executors: actor.scopes.executors };
    default:
      return null;
  }
}

/** The name an actor's writes are recorded under (complaint events, audit): from the identity, never a body. */
export function actorRef(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return `user:${actor.login}`;
    case 'display':
      return `display:${actor.displayId}`;
    case 'source':
      return `source:${actor.source}`;
    case 'system':
      return `system:${actor.name}`;
  }
}

/** Roles that are shown unmasked texts of a complaint they may read. */
export function seesPersonalData(actor: Actor, complaint: ComplaintFacts): boolean {
  return can(actor, 'complaint:read-personal', { complaint }).ok;
}
