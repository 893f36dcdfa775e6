/**
 * What a screen, a query or a rollup row is about: a block, a municipality, both or neither. Rollup rows store the
 * whole-region or all-blocks side of a scope as ALL, so every scope is one row lookup.
 */
export interface WallScope {
  /** Block code, or undefined for all blocks. */
  block?: string;
  /** Municipality OKTMO, or undefined for the whole region. */
  municipality?: string;
}

/** The "all blocks" / "whole region" value of a rollup row's scope columns. */
export const ALL = '*';

export function scopeKeyOf(scope: WallScope): string {
  return `block=${scope.block ?? ALL};municipality=${scope.municipality ?? ALL}`;
}
