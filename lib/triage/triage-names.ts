import type { ReferenceCache } from '../reference/types';

/**
 * Code → Russian name maps the operator queue needs: the queue and the decision answers carry codes only.
 * Built on the server from the in-memory reference and handed to the client page whole (it is small: 11 blocks,
 * 78 categories, the executors and the 57 municipalities).
 */
export interface TriageNames {
  sources: Record<string, string>;
  /** Blocks in the reference order (the picker lists them so). */
  blocks: { code: string; name: string }[];
  /** Categories in the reference order, each with its block. */
  categories: { code: string; name: string; block: string }[];
  /** OKTMO → short name («Балашиха»). */
  municipalities: Record<string, string>;
  /** Executor code → short name («Минздрав МО»). */
  executors: Record<string, string>;
}

export function triageNamesOf(reference: ReferenceCache): TriageNames {
  return {
    sources: Object.fromEntries([...reference.sources.values()].map((s) => [s.code, s.name])),
    blocks: [...reference.blocks.values()]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((b) => ({ code: b.code, name: b.name })),
    categories: [...reference.categories.values()].map((c) => ({
      code: c.code,
      name: c.name,
      block: c.blockCode,
    })),
    municipalities: Object.fromEntries(
      [...reference.municipalities.values()].map((m) => [m.oktmo, m.shortName]),
    ),
    executors: Object.fromEntries([...reference.executors.values()].map((e) => [e.code, e.shortName])),
  };
}

/** Lookups over {@link TriageNames}; an unknown code shows as itself rather than vanishing. */
export class TriageLookup {
  private readonly blockNames: Map<string, string>;
  private readonly categoryByCode: Map<string, { name: string; block: string }>;

  constructor(readonly names: TriageNames) {
    this.blockNames = new Map(names.blocks.map((b) => [b.code, b.name]));
    this.categoryByCode = new Map(names.categories.map((c) => [c.code, c]));
  }

  source(code: string): string {
    return this.names.sources[code] ?? code;
  }

  block(code: string | null | undefined): string {
    if (!code) return '—';
    return this.blockNames.get(code) ?? code;
  }

  category(code: string): string {
    return this.categoryByCode.get(code)?.name ?? code;
  }

  /** The block a category belongs to (its code), or null for an unknown category. */
  blockOfCategory(code: string): string | null {
    return this.categoryByCode.get(code)?.block ?? null;
  }

  municipality(oktmo: string): string {
    return this.names.municipalities[oktmo] ?? oktmo;
  }

  /** Every municipality, by name in Russian order (the operator's list when intake could not place one). */
  allMunicipalities(): { oktmo: string; name: string }[] {
    return Object.entries(this.names.municipalities)
      .map(([oktmo, name]) => ({ oktmo, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  }

  executor(code: string): string {
    return this.names.executors[code] ?? code;
  }

  categoriesOf(block: string): { code: string; name: string; block: string }[] {
    return this.names.categories.filter((c) => c.block === block);
  }
}
