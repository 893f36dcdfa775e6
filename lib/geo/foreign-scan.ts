import { type ForeignReference, REGION_ALIASES } from './foreign-reference';
import { matchContext } from './place-context';
import { nameWords, surfaceForms } from './place-forms';
import { adjectiveWord, nounWord } from './place-paradigms';
import { phraseSet, type TextToken } from './place-tokens';

/**
 * How a form names another region: `adjective` is the first word of «Курская область» and counts only with
 * its noun after it; `name` is a region's own name («Татарстан», «Кубань»); `town` is one of its towns.
 */
type FormKind = 'adjective' | 'name' | 'town';

interface ForeignForm {
  tokens: string[];
  kind: FormKind;
  region: string;
  population: number;
}

/** Forms keyed by their first token, longest first. */
export type ForeignIndex = ReadonlyMap<string, readonly ForeignForm[]>;

/** A text's mention of another region: `strong` when it says where, not only names a big town. */
export interface ForeignMention {
  region: string;
  surface: string;
  strong: boolean;
}

/** The nouns of a region's type, in every case and the usual abbreviations. */
const REGION_NOUNS = phraseSet(`
  область, области, областью, областей, обл, край, края, краю, крае, краем, кр, республика, республики,
  республике, республику, республикой, респ, округ, округа, округе, округу, округом, ао
`);

/** Words before a town that say it is a town: «г. Курск», «город Казань», «в городе Тула». */
const TOWN_WORDS = phraseSet('г, гор, город, города, городе, городу, городом');

/** Address words after a town («Курск, ул. Радищева», «Омск, Ленинский р-н») or before it («Адрес: Тула»). */
const ADDRESS_AFTER = phraseSet(`
  ул, улица, пр, прт, просп, проспект, пер, переулок, мкр, мкрн, микрорайон, д, дом, бульвар, бр, ш, шоссе,
  наб, пл, площадь, проезд, квартал, кв, рн, район, района, районе, тракт, ст, станица, пос, пгт
`);
const ADDRESS_BEFORE = phraseSet('адрес, адресу, адресом, прописка, проживаю, проживает, проживаем');

/** Prepositions of place: with one, a big town names where the writer is («в Казани», «из Самары»). */
const PLACE_PREPOSITIONS = phraseSet('в, во, из, под, около, возле, близ, у');

/**
 * Words of travel and borders: «в сторону Твери», «на границе с Тульской областью», «трасса до Рязани»,
 * «через Калугу». A Moscow Oblast resident names neighbours this way; it says nothing of where they are.
 */
const TRAVEL_WORDS = phraseSet(`
  сторону, сторона, направлении, направление, граница, границе, границы, границей, трасса, трассе, трассы,
  трассу, трассой, до, въезд, въезде, выезд, выезде, рейс, рейса, через, между, соседней, соседняя,
  соседнюю, соседних, соседнем, соседний
`);

/** A big town's name with only a preposition counts: a small town's may be anyone's surname or word. */
const BIG_TOWN = 100_000;

function addForm(index: Map<string, ForeignForm[]>, form: ForeignForm): void {
  const list = index.get(form.tokens[0] ?? '') ?? [];
  list.push(form);
  index.set(form.tokens[0] ?? '', list);
}

/** «Курская» → курская, курской, курскую …; «Ханты-Мансийский» → ханты мансийский, ханты мансийского … */
function adjectiveKeys(adjective: string): string[] {
  const parts = adjective.split('-');
  const last = parts.pop() ?? '';
  const prefix = parts.length > 0 ? `${parts.join(' ')} ` : '';
  return [...new Set(adjectiveWord(last).flat())].map((f) => prefix + f);
}

/** Towns whose stem loses its vowel when declined, which the generic paradigms do not know. */
const FLEETING_VOWEL: Readonly<Record<string, readonly string[]>> = {
  орел: ['орла', 'орлу', 'орлом', 'орле'],
  елец: ['ельца', 'ельцу', 'ельцом', 'ельце'],
};

/** «Ростов-на-Дону» declines its first part only: «в Ростове-на-Дону». */
function townKeys(name: string): string[] {
  const fleeting = FLEETING_VOWEL[name];
  if (fleeting) return [name, ...fleeting];
  const onRiver = /^(\S+)-на-(\S+)$/u.exec(name);
  if (!onRiver) return surfaceForms(name).map((f) => f.key);
  const [, head = '', river = ''] = onRiver;
  return [...new Set(nounWord(head).flat())].map((f) => `${f} на ${river}`);
}

/**
 * The index of other regions' names and towns. A town named like a Moscow Oblast place (`homeNames`:
 * Лесной, Радужный, Красноармейск …) is left out: only the region's own name tells which one is meant.
 */
export function buildForeignIndex(reference: ForeignReference, homeNames: ReadonlySet<string>): ForeignIndex {
  const index = new Map<string, ForeignForm[]>();
  for (const region of reference.regions) {
    const base = region.split(' — ')[0]?.replace(/\s*\(.*\)/, '') ?? region;
    const words = nameWords(base);
    const first = words[0] ?? '';
    if (first === 'республика' && words.length > 1) {
      // «Республика Алтай» and «Алтайский край»: the bare «Алтай» is the mountains, so it needs «Республика».
      const proper = words.slice(1).join(' ');
      for (const noun of ['республика', 'республики', 'республике', 'республику', 'республикой', 'респ'])
        for (const key of surfaceForms(proper))
          addForm(index, { tokens: `${noun} ${key.key}`.split(' '), kind: 'name', region, population: 0 });
      if (proper !== 'алтай')
        for (const key of surfaceForms(proper))
          addForm(index, { tokens: key.key.split(' '), kind: 'name', region, population: 0 });
    } else if (words.length > 1) {
      for (const key of adjectiveKeys(first))
        addForm(index, { tokens: key.split(' '), kind: 'adjective', region, population: 0 });
    }
    for (const alias of REGION_ALIASES[region] ?? [])
      for (const key of surfaceForms(alias))
        addForm(index, { tokens: key.key.split(' '), kind: 'name', region, population: 0 });
  }
  // Towns of one name in several regions (Железногорск, Киров) give every region: the operator decides.
  const towns = new Map<string, { regions: string[]; population: number }>();
  for (const town of reference.towns) {
    const norm = nameWords(town.name).join(' ');
    if (homeNames.has(norm)) continue;
    const seen = towns.get(norm) ?? { regions: [], population: 0 };
    if (!seen.regions.includes(town.region)) seen.regions.push(town.region);
    seen.population = Math.max(seen.population, town.population);
    towns.set(norm, seen);
  }
  for (const [norm, town] of towns) {
    const region = town.regions.join(' или ');
    for (const key of townKeys(norm))
      addForm(index, { tokens: key.split(' '), kind: 'town', region, population: town.population });
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

/** Abbreviations whose dot does not end the sentence: «г. Курск», «Курской обл. не …», «пос. Северный». */
const ABBREVIATIONS = phraseSet(
  'г, гор, пос, п, д, дер, с, ст, обл, респ, кр, ул, пр, просп, пер, мкр, рп, пгт, им',
);

/** The gap before token k holds no sentence or clause break (a comma is allowed when `comma`). */
function joined(tokens: readonly TextToken[], k: number, comma = false): boolean {
  const sep = tokens[k]?.sepBefore ?? '.';
  if ((comma ? /^[\s,-]*$/ : /^[\s-]*$/).test(sep)) return true;
  return /^\.\s*$/.test(sep) && ABBREVIATIONS.has(tokens[k - 1]?.norm ?? '');
}

function formAt(tokens: readonly TextToken[], start: number, form: ForeignForm): boolean {
  for (let j = 1; j < form.tokens.length; j++)
    if (tokens[start + j]?.norm !== form.tokens[j] || !joined(tokens, start + j)) return false;
  return true;
}

function travelBefore(tokens: readonly TextToken[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    if (TRAVEL_WORDS.has(tokens[k]?.norm ?? '')) return true;
    if (!joined(tokens, k + 1)) return false;
  }
  return false;
}

/** How strongly a town form at [start, end) names the writer's place: 2 strong, 1 weak, 0 not at all. */
function townStrength(tokens: TextToken[], start: number, end: number, form: ForeignForm): number {
  const ctx = matchContext(tokens, start, end);
  if (!ctx.capital || ctx.streetBefore || ctx.streetAfter || ctx.objectAfter || ctx.hyphenBefore) return 0;
  const before = tokens[start - 1];
  if (before && joined(tokens, start) && TOWN_WORDS.has(before.norm)) return 2;
  if (before && ADDRESS_BEFORE.has(before.norm)) return 2;
  const after = [tokens[end], tokens[end + 1]];
  if (ADDRESS_AFTER.has(after[0]?.norm ?? '') && joined(tokens, end, true)) return 2;
  if (ADDRESS_AFTER.has(after[1]?.norm ?? '') && joined(tokens, end, true) && joined(tokens, end + 1))
    return 2;
  // «в Архангельском соборе»: an adjective's ending, not the town «Архангельск» after «в».
  if (form.population < BIG_TOWN || /[сц]ком$/.test(tokens[end - 1]?.norm ?? '')) return 0;
  const preposition = before !== undefined && joined(tokens, start) && PLACE_PREPOSITIONS.has(before.norm);
  // Standing alone between commas or at a sentence's edge: «Омск, Ленинский район», «…, Липецк.»
  const alone = (start === 0 || !joined(tokens, start)) && (end === tokens.length || !joined(tokens, end));
  return preposition || alone ? 1 : 0;
}

/** «из Курской области», «из г. Курска»: where the writer came from, which a certain place of ours outweighs. */
function fromBefore(tokens: readonly TextToken[], start: number): boolean {
  const k = TOWN_WORDS.has(tokens[start - 1]?.norm ?? '') ? start - 2 : start - 1;
  return tokens[k]?.norm === 'из' && joined(tokens, k + 1);
}

function strengthOf(tokens: TextToken[], start: number, end: number, form: ForeignForm): number {
  const strength = placeStrength(tokens, start, end, form);
  return strength === 2 && fromBefore(tokens, start) ? 1 : strength;
}

function placeStrength(tokens: TextToken[], start: number, end: number, form: ForeignForm): number {
  if (form.kind === 'town') return townStrength(tokens, start, end, form);
  if (form.kind === 'name') return tokens[start]?.capital ? 2 : 0;
  // «Курская/Курской» counts only with its noun: «Курский вокзал», «Тверская улица» are Moscow's.
  let k = end;
  if (tokens[k]?.norm.startsWith('автономн') && joined(tokens, k)) k++;
  return REGION_NOUNS.has(tokens[k]?.norm ?? '') && joined(tokens, k) ? 2 : 0;
}

/**
 * The first place of another region the text names as the writer's, preferring a strong one (a region's
 * name, a town after «г.» or with an address) to a big town's name alone. Skips tokens flagged in
 * `blocked` (organisations, people). One left-to-right pass with map look-ups.
 */
export function scanForeign(
  index: ForeignIndex,
  text: string,
  tokens: TextToken[],
  blocked: Uint8Array,
): ForeignMention | null {
  let weak: ForeignMention | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || blocked[i]) continue;
    for (const form of index.get(token.norm) ?? []) {
      if (!formAt(tokens, i, form)) continue;
      const end = i + form.tokens.length;
      const strength = travelBefore(tokens, i) ? 0 : strengthOf(tokens, i, end, form);
      if (strength === 0) continue;
      const surface = text.slice(token.start, tokens[end - 1]?.end ?? token.end);
      const mention = { region: form.region, surface, strong: strength === 2 };
      if (mention.strong) return mention;
      weak ??= mention;
      break;
    }
  }
  return weak;
}
