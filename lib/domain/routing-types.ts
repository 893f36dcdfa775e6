/**
 * Shapes of the executor directory and the routing rules. Plain data with mutable arrays on purpose: a later
 * issue seeds them into tables as is (text[] columns), and drizzle's insert types do not take readonly arrays.
 */

export type ExecutorKind = 'ministry' | 'agency' | 'municipal' | 'utility';

export interface Executor {
  /** Stable latin code, e.g. `min-health` or `adm-46704000000`. Never renamed once assignments reference it. */
  code: string;
  /** Official Russian name. */
  name: string;
  /** Fits a wall column: at most {@link SHORT_NAME_MAX} characters, e.g. «Минздрав МО». */
  shortName: string;
  kind: ExecutorKind;
  /** Blocks the executor usually answers for; empty or absent for municipal administrations (they take all). */
  blocks?: string[];
  /** Municipal administrations only: the OKTMO of their округ. */
  oktmo?: string;
}

/** The part of a municipality row the directory needs; `MunicipalityInfo` and the CSV rows fit it. */
export interface MunicipalityRef {
  oktmo: string;
  shortName: string;
  /** Full name from the register (e.g. «Богородский городской округ»); gives the formal administration name. */
  name?: string;
}

/** Executor codes by code; build one with `buildExecutorDirectory`. */
export type ExecutorDirectory = ReadonlyMap<string, Executor>;

/** Rule target meaning "the administration of the complaint's municipality". */
export const MUNICIPAL_TARGET = 'municipal';

export const SHORT_NAME_MAX = 28;

/**
 * One routing rule; rules are ordered and the first match wins. It matches on `categories` (any of) or on a
 * whole `block`, never both; with neither it is the wildcard '*'. `municipalities` (OKTMO codes) narrows it
 * further, and a complaint without a municipality never matches a rule that has them.
 */
export interface RoutingRule {
  /** Stable id, stored with each assignment to explain it. */
  id: string;
  categories?: string[];
  block?: string;
  municipalities?: string[];
  /** An executor code, or {@link MUNICIPAL_TARGET}. */
  target: string;
  /** One line for the operator: why this body answers. */
  reason: string;
}

export interface RouteInput {
  categoryCode: string;
  /** Defaults to the prefix of `categoryCode` (`housing.roof-leak` → `housing`). */
  blockCode?: string | null;
  municipalityOktmo?: string | null;
}

export interface RouteResult {
  executorCode: string;
  ruleId: string;
  /**
   * The rule named the municipal administration but the complaint has no (known) municipality, so it went to
   * the block's regional body instead.
   */
  viaBlockBody: boolean;
}
