import {
  adjectiveWord,
  CASE_COUNT,
  type CaseSlots,
  fixedWord,
  isAdjectiveWord,
  isPossessiveWord,
  nounWord,
  pluralNoun,
  possessiveWord,
} from './place-paradigms';
import { normalizeRu } from './place-tokens';

/** One inflected spelling of a name, as the space-joined normalised tokens a text would yield. */
export interface SurfaceForm {
  key: string;
  /** Differs from the nominative: «Подольска», «в Одинцове», «Королёвом». */
  oblique: boolean;
}

type Role = 'adjective' | 'possessive' | 'noun' | 'plural-noun' | 'fixed';

/** Words of a normalised name; quotes and other punctuation go, hyphens stay inside the word. */
export function nameWords(name: string): string[] {
  return normalizeRu(name)
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.replace(/-/g, '') !== '');
}

function declineByRole(word: string, role: Role): CaseSlots {
  if (role === 'adjective') return adjectiveWord(word);
  if (role === 'possessive') return possessiveWord(word);
  if (role === 'noun') return nounWord(word);
  if (role === 'plural-noun') return pluralNoun(word);
  return fixedWord(word);
}

/**
 * Hyphenated words decline in their last part only («Орехово-Зуеве», «Наро-Фоминске», «Павлово-Посадском»),
 * except a trailing number, where the first part declines («Ногинске-9»). Parts become separate tokens.
 */
function wordSlots(word: string, role: Role): CaseSlots {
  const parts = word.split('-').filter((p) => p !== '');
  if (parts.length === 1) return declineByRole(word, role);
  const last = parts.at(-1) ?? '';
  if (/^\d+$/.test(last)) {
    const head = declineByRole(parts.slice(0, -1).join(' '), role === 'fixed' ? 'fixed' : 'noun');
    return head.map((alts) => alts.map((a) => `${a} ${last}`));
  }
  const prefix = parts.slice(0, -1).join(' ');
  const lastRole = role === 'fixed' ? 'fixed' : isAdjectiveWord(last) ? 'adjective' : 'noun';
  return declineByRole(last, lastRole).map((alts) => alts.map((a) => `${prefix} ${a}`));
}

/**
 * Who declines in a multi-word name: adjectives agree («Старой Купавне», «Горках Ленинских»), the first noun
 * is the head («Посаде»), a possessive before it agrees («Сергиевом»), and words after the head are a fixed
 * genitive («Заветах Ильича», «Вожде Пролетариата»). «Имени …» names and long titles are not declined.
 */
function roles(words: string[]): Role[] {
  if (words.length > 3 || words.includes('имени')) return words.map(() => 'fixed');
  // «Медвежьи Озёра», «Белые Столбы»: a plural adjective makes the head noun plural even when it ends in -а.
  const plural = words.some((w) => /(ые|ие|ьи)$/.test(w));
  let headSeen = false;
  return words.map((word, i) => {
    const core = word.split('-').at(-1) ?? word;
    if (isAdjectiveWord(core)) return 'adjective';
    if (headSeen) return 'fixed';
    if (i < words.length - 1 && isPossessiveWord(word)) return 'possessive';
    headSeen = true;
    return plural && /[аыи]$/.test(word) ? 'plural-noun' : 'noun';
  });
}

function product(lists: string[][]): string[] {
  return lists.reduce<string[]>(
    (acc, list) => acc.flatMap((prefix) => list.map((w) => (prefix === '' ? w : `${prefix} ${w}`))),
    [''],
  );
}

/** Every surface form of a place name, nominative first. */
export function surfaceForms(name: string): SurfaceForm[] {
  const words = nameWords(name);
  if (words.length === 0) return [];
  const roleList = roles(words);
  const perWord = words.map((w, i) => wordSlots(w, roleList[i] ?? 'fixed'));
  const nominative = product(perWord.map((slots) => [slots[0]?.[0] ?? ''])).at(0) ?? '';
  const keys = new Set<string>([nominative]);
  for (let c = 0; c < CASE_COUNT; c++) {
    for (const key of product(perWord.map((slots) => slots[c] ?? []))) keys.add(key);
    // Spoken usage often declines only the last word: «в Сергиев Посаде», «в Павловский Посаде».
    if (words.length > 1) {
      const mixed = perWord.map((slots, i) =>
        i < perWord.length - 1 ? [slots[0]?.[0] ?? ''] : (slots[c] ?? []),
      );
      for (const key of product(mixed)) keys.add(key);
    }
  }
  return [...keys].map((key) => ({ key, oblique: key !== nominative }));
}
