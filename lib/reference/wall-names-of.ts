import type { ReferenceCache } from './types';
import type { WallNames } from './wall-names';

/** Plain objects of names only: the client never needs the rest of the reference rows. */
export function wallNamesOf(reference: ReferenceCache): WallNames {
  const { blocks, categories, municipalities } = reference;
  return {
    blocks: Object.fromEntries([...blocks.values()].map((b) => [b.code, b.name])),
    categories: Object.fromEntries([...categories.values()].map((c) => [c.code, c.name])),
    municipalities: Object.fromEntries([...municipalities.values()].map((m) => [m.oktmo, m.shortName])),
  };
}
