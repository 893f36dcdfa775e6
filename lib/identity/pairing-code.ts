import { randomInt } from 'node:crypto';
import { hashSecret } from './secrets';

/**
 * The short code a waiting screen shows. No 0/O, 1/I/L: read across a room and typed on a phone, those get
 * mixed up. 31⁶ ≈ 887 million codes against at most a few dozen waiting at once, each for ten minutes.
 */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

/** How long a code waits for an admin before the screen asks for a new one. */
export const PAIRING_TTL_MS = 10 * 60_000;

/** Cyrillic letters that look like Latin ones: an admin on a Russian keyboard types «АВС» for "ABC". */
const LOOK_ALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  З: '3',
};

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** As typed → as stored: upper case, Cyrillic look-alikes to Latin, spaces and hyphens dropped; null if not a code. */
export function normalizePairingCode(typed: string): string | null {
  const code = [...typed.toUpperCase().replace(/[\s\-‐-―]/g, '')].map((c) => LOOK_ALIKES[c] ?? c).join('');
  if (code.length !== LENGTH) return null;
  return [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** «ABC-234»: two halves are easier to read off a wall and to keep in mind while typing. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** Codes are stored hashed like every other secret, though they live only minutes. */
export function pairingCodeHash(code: string): string {
  return hashSecret(`pairing:${code}`);
}
