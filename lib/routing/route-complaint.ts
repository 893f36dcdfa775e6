import { BLOCKS } from '../../db/seed/blocks';
import { CATEGORIES } from '../../db/seed/categories';
import {
  allExecutors,
  municipalExecutorCode,
  oktmoOfExecutor,
  REGIONAL_DIRECTORY,
} from '../../db/seed/executors';
import { BLOCK_REGIONAL_BODIES, DEFAULT_REGIONAL_BODY, ROUTING_RULES } from '../../db/seed/routing-rules';
import {
  MUNICIPAL_TARGET,
  SHORT_NAME_MAX,
  type Executor,
  type ExecutorDirectory,
  type MunicipalityRef,
  type RouteInput,
  type RouteResult,
  type RoutingRule,
} from '../domain/routing-types';

const OKTMO_RE = /^\d{11}$/;

interface CompiledRule {
  rule: RoutingRule;
  categories: ReadonlySet<string> | null;
  municipalities: ReadonlySet<string> | null;
}

// Intake routes every complaint, so the rule list is turned into sets once per list, not on each call.
const compiled = new WeakMap<readonly RoutingRule[], CompiledRule[]>();

function compile(rules: readonly RoutingRule[]): CompiledRule[] {
  let list = compiled.get(rules);
  if (!list) {
    list = rules.map((rule) => ({
      rule,
      categories: rule.categories ? new Set(rule.categories) : null,
      municipalities: rule.municipalities ? new Set(rule.municipalities) : null,
    }));
    compiled.set(rules, list);
  }
  return list;
}

export function blockOfCategory(categoryCode: string): string {
  const dot = categoryCode.indexOf('.');
  return dot > 0 ? categoryCode.slice(0, dot) : '';
}

/** Regional body answering for a block when no municipal administration can. */
export function blockRegionalBody(blockCode: string): string {
  return BLOCK_REGIONAL_BODIES[blockCode] ?? DEFAULT_REGIONAL_BODY;
}

export interface RouteOptions {
  /** Defaults to {@link ROUTING_RULES}. */
  rules?: readonly RoutingRule[];
  /** When given, an OKTMO outside it counts as "no municipality" instead of naming a missing administration. */
  knownOktmo?: ReadonlySet<string>;
}

/** The executor for a complaint under the ordered rules: the first matching rule wins. */
export function routeComplaint(input: RouteInput, options: RouteOptions = {}): RouteResult {
  const { rules = ROUTING_RULES, knownOktmo } = options;
  const { categoryCode } = input;
  const blockCode = input.blockCode || blockOfCategory(categoryCode);
  const raw = input.municipalityOktmo?.trim() ?? '';
  const oktmo = OKTMO_RE.test(raw) && (!knownOktmo || knownOktmo.has(raw)) ? raw : null;

  for (const { rule, categories, municipalities } of compile(rules)) {
    if (categories && !categories.has(categoryCode)) continue;
    if (rule.block !== undefined && rule.block !== blockCode) continue;
    if (municipalities && (oktmo === null || !municipalities.has(oktmo))) continue;
    if (rule.target !== MUNICIPAL_TARGET) {
      return { executorCode: rule.target, ruleId: rule.id, viaBlockBody: false };
    }
    if (oktmo !== null) {
      return { executorCode: municipalExecutorCode(oktmo), ruleId: rule.id, viaBlockBody: false };
    }
    return { executorCode: blockRegionalBody(blockCode), ruleId: rule.id, viaBlockBody: true };
  }
  // Only a custom rule list without a wildcard gets here; validateRouting flags such lists.
  return { executorCode: blockRegionalBody(blockCode), ruleId: 'none', viaBlockBody: true };
}

export interface ExecutorNameOptions {
  /** The wall-column form (≤ 28 characters). */
  short?: boolean;
  /** Needed to name municipal administrations; defaults to the regional bodies only. */
  directory?: ExecutorDirectory;
}

/**
 * Display name of an executor. An administration missing from the directory still gets a readable generic
 * name (the OKTMO), and an unknown code is shown as is, so a stale assignment never breaks a panel.
 */
export function executorName(code: string, options: ExecutorNameOptions = {}): string {
  const { short = false, directory = REGIONAL_DIRECTORY } = options;
  const executor = directory.get(code) ?? REGIONAL_DIRECTORY.get(code);
  if (executor) return short ? executor.shortName : executor.name;
  const oktmo = oktmoOfExecutor(code);
  if (oktmo !== null)
    return short ? `Адм. г.о. ${oktmo}` : `Администрация городского округа (ОКТМО ${oktmo})`;
  return code;
}

export interface ValidateRoutingOptions {
  rules?: readonly RoutingRule[];
  /** With the municipality list, administrations are checked too and every category × округ is routed. */
  municipalities?: readonly MunicipalityRef[];
  /** Defaults to the regional bodies plus the administrations of `municipalities`. */
  executors?: readonly Executor[];
  categories?: readonly { code: string; blockCode: string }[];
  blocks?: readonly { code: string }[];
}

const CODE_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkExecutors(executors: readonly Executor[], blockCodes: ReadonlySet<string>, problems: string[]) {
  const seen = new Set<string>();
  for (const e of executors) {
    if (seen.has(e.code)) problems.push(`executor ${e.code}: duplicate code`);
    seen.add(e.code);
    if (!CODE_RE.test(e.code)) problems.push(`executor ${e.code}: code is not latin kebab-case`);
    if (!e.name.trim()) problems.push(`executor ${e.code}: empty name`);
    if (!e.shortName.trim() || e.shortName.length > SHORT_NAME_MAX) {
      problems.push(`executor ${e.code}: short name «${e.shortName}» is empty or over ${SHORT_NAME_MAX}`);
    }
    for (const b of e.blocks ?? []) {
      if (!blockCodes.has(b)) problems.push(`executor ${e.code}: unknown block ${b}`);
    }
    if (e.kind === 'municipal' && (!e.oktmo || e.code !== municipalExecutorCode(e.oktmo))) {
      problems.push(`executor ${e.code}: administration code must be adm-<oktmo>`);
    }
  }
}

/**
 * Problems with the directory and the rules; an empty list means routing is sound: rules reference existing
 * executors, categories, blocks and OKTMO codes, no category rule is shadowed by earlier ones, the list ends
 * with the wildcard, and (given municipalities) every category routes to an existing executor everywhere.
 */
export function validateRouting(options: ValidateRoutingOptions = {}): string[] {
  const { rules = ROUTING_RULES, municipalities, categories = CATEGORIES, blocks = BLOCKS } = options;
  const executors = options.executors ?? allExecutors(municipalities ?? []);
  const problems: string[] = [];
  const blockCodes = new Set(blocks.map((b) => b.code));
  const categoryCodes = new Set(categories.map((c) => c.code));
  const executorCodes = new Set(executors.map((e) => e.code));
  const knownOktmo = municipalities ? new Set(municipalities.map((m) => m.oktmo)) : undefined;
  checkExecutors(executors, blockCodes, problems);

  for (const b of blockCodes) {
    const body = BLOCK_REGIONAL_BODIES[b];
    if (!body || !executorCodes.has(body)) problems.push(`block ${b}: no existing regional body`);
  }
  if (!executorCodes.has(DEFAULT_REGIONAL_BODY)) {
    problems.push(`default body ${DEFAULT_REGIONAL_BODY} is missing`);
  }

  const ids = new Set<string>();
  // Categories already taken by an earlier rule that applies everywhere: a later category rule on them is dead.
  const claimed = new Set<string>();
  for (const r of rules) {
    const at = `rule ${r.id}`;
    if (ids.has(r.id)) problems.push(`${at}: duplicate id`);
    ids.add(r.id);
    if (!r.reason.trim()) problems.push(`${at}: no reason`);
    if (r.target !== MUNICIPAL_TARGET && !executorCodes.has(r.target)) {
      problems.push(`${at}: unknown executor ${r.target}`);
    }
    if (r.categories && r.block !== undefined) problems.push(`${at}: matches both categories and a block`);
    if (r.categories?.length === 0) problems.push(`${at}: empty category list`);
    for (const c of r.categories ?? []) {
      if (!categoryCodes.has(c)) problems.push(`${at}: unknown category ${c}`);
    }
    if (r.block !== undefined && !blockCodes.has(r.block)) problems.push(`${at}: unknown block ${r.block}`);
    if (r.municipalities?.length === 0) problems.push(`${at}: empty municipality list`);
    for (const m of r.municipalities ?? []) {
      if (!OKTMO_RE.test(m) || (knownOktmo && !knownOktmo.has(m))) problems.push(`${at}: unknown OKTMO ${m}`);
    }
    if (r.categories?.length && r.categories.every((c) => claimed.has(c))) {
      problems.push(`${at}: unreachable, earlier rules take all its categories`);
    }
    if (r.municipalities) continue;
    for (const c of categories) {
      if (r.categories ? r.categories.includes(c.code) : r.block === undefined || r.block === c.blockCode) {
        claimed.add(c.code);
      }
    }
  }
  const last = rules.at(-1);
  if (!last || last.categories || last.block !== undefined || last.municipalities) {
    problems.push('rules must end with a wildcard rule so that every complaint is routed');
  }

  if (municipalities) {
    const places: (string | null)[] = [null, ...municipalities.map((m) => m.oktmo)];
    for (const c of categories) {
      for (const oktmo of places) {
        const route = routeComplaint(
          { categoryCode: c.code, blockCode: c.blockCode, municipalityOktmo: oktmo },
          { rules, knownOktmo },
        );
        if (!executorCodes.has(route.executorCode)) {
          problems.push(`${c.code} @ ${oktmo ?? 'no municipality'}: routes to missing ${route.executorCode}`);
        }
      }
    }
  }
  return problems;
}
