/** Code → Russian name maps the page hands to the wall: the live feed carries codes only. */
export interface WallNames {
  blocks: Record<string, string>;
  categories: Record<string, string>;
  municipalities: Record<string, string>;
}

export function categoryName(names: WallNames, code: string): string {
  return names.categories[code] ?? names.blocks[code] ?? code;
}

export function municipalityName(names: WallNames, oktmo: string | null): string {
  if (oktmo === null) return 'вне округов';
  return names.municipalities[oktmo] ?? oktmo;
}
