/** The three Russian count forms: for 1 (день), for 2–4 (дня), for 5–20 (дней). */
export type PluralForms = readonly [one: string, few: string, many: string];

/**
 * Russian plural form for a count: 1 день, 2 дня, 5 дней, 11 дней, 21 день.
 * A fractional count takes the «few» form (2,5 обращения, 0,5 часа): that is how Russian reads decimals.
 * The sign does not matter (−3 дня), so callers can pass a difference as is.
 */
export function plural(n: number, forms: PluralForms): string {
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) return forms[1];
  const mod10 = abs % 10;
  const mod100 = abs % 100;
  if (mod10 === 1 && mod100 !== 11) return forms[0];
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return forms[1];
  return forms[2];
}
