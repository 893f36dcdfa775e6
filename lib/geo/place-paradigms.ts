/**
 * Declension of one word of a place name, on lower-case ё-less text. Each paradigm returns six case slots
 * (nominative, genitive, dative, accusative, instrumental, prepositional), each a list of accepted spellings:
 * colloquial variants are listed next to the literary ones because complaint texts use both.
 */
export type CaseSlots = string[][];

export const CASE_COUNT = 6;

const VELAR_OR_SIBILANT = /[гкхжшщч]$/;
const SIBILANT_OR_TS = /[жшщчц]$/;

export function fixedWord(word: string): CaseSlots {
  return Array.from({ length: CASE_COUNT }, () => [word]);
}

function slots(nom: string, gen: string[], dat: string[], acc: string[], ins: string[], prep: string[]) {
  return [[nom], gen, dat, acc, ins, prep];
}

const ADJECTIVE_END = /(ый|ий|ой|ая|яя|ое|ее|ые|ие|ьи)$/;

/** A full adjective form: «Лесной», «Павловская», «Раменское», «Серебряные», «Медвежьи». */
export function isAdjectiveWord(word: string): boolean {
  return word.length > 3 && ADJECTIVE_END.test(word);
}

export function adjectiveWord(word: string): CaseSlots {
  const end = word.slice(-2);
  const stem = word.slice(0, -2);
  const hardI = VELAR_OR_SIBILANT.test(stem) ? 'им' : 'ым';
  switch (end) {
    case 'ый':
      return slots(word, [stem + 'ого'], [stem + 'ому'], [word], [stem + 'ым'], [stem + 'ом']);
    case 'ой':
      return slots(word, [stem + 'ого'], [stem + 'ому'], [word], [stem + hardI], [stem + 'ом']);
    case 'ий':
      return /[гкх]$/.test(stem)
        ? slots(word, [stem + 'ого'], [stem + 'ому'], [word], [stem + 'им'], [stem + 'ом'])
        : slots(word, [stem + 'его'], [stem + 'ему'], [word], [stem + 'им'], [stem + 'ем']);
    case 'ая': {
      const oblique = SIBILANT_OR_TS.test(stem) ? [stem + 'ой', stem + 'ей'] : [stem + 'ой'];
      return slots(word, oblique, oblique, [stem + 'ую'], [...oblique, stem + 'ою'], oblique);
    }
    case 'яя':
      return slots(word, [stem + 'ей'], [stem + 'ей'], [stem + 'юю'], [stem + 'ей'], [stem + 'ей']);
    case 'ое':
      return slots(word, [stem + 'ого'], [stem + 'ому'], [word], [stem + hardI], [stem + 'ом']);
    case 'ее':
      return slots(word, [stem + 'его'], [stem + 'ему'], [word], [stem + 'им'], [stem + 'ем']);
    case 'ые':
      return slots(word, [stem + 'ых'], [stem + 'ым'], [word], [stem + 'ыми'], [stem + 'ых']);
    case 'ие':
      return slots(word, [stem + 'их'], [stem + 'им'], [word], [stem + 'ими'], [stem + 'их']);
    case 'ьи':
      return slots(word, [stem + 'ьих'], [stem + 'ьим'], [word], [stem + 'ьими'], [stem + 'ьих']);
    default:
      return fixedWord(word);
  }
}

/** «Сергиев» (Посад), «Николина» (Гора), «Шарапова» (Охота): short possessive adjectives before a noun. */
export function isPossessiveWord(word: string): boolean {
  return /(ов|ев|ин)а?$/.test(word) && word.length > 4;
}

export function possessiveWord(word: string): CaseSlots {
  if (word.endsWith('а')) {
    const stem = word.slice(0, -1);
    const oblique = [stem + 'ой'];
    return slots(word, oblique, oblique, [stem + 'у'], oblique, oblique);
  }
  return slots(word, [word + 'а'], [word + 'у'], [word], [word + 'ым'], [word + 'ом']);
}

/** Neuter «-ово/-ево/-ино/-ыно»: officially declined («в Одинцове») but mostly left as is («в Одинцово»). */
export const SURNAME_NEUTER = /(ов|ев|ин|ын)о$/;
/** Masculine «-ов/-ев/-ин»: Королёв, Чехов, Реутов; their oblique forms are also surnames («Королёва»). */
export const SURNAME_MASCULINE = /[^аеиоуыэюя](ов|ев|ин|ын)$/;

/**
 * Genitive plural has no single ending: «Химок», «Люберец», «Мытищ», «Котельников», «Снегирей». Without a
 * dictionary the plausible ones are all listed; the wrong ones are not words and so match nothing.
 */
function genitivePlural(stem: string): string[] {
  const cluster = /([^аеиоуыэюя])([кц])$/.exec(stem);
  if (cluster) {
    const before = cluster[1] ?? '';
    const vowel = /[жшщчь]/.test(before) || cluster[2] === 'ц' ? 'е' : 'о';
    return [stem.slice(0, -1).replace(/ь$/, '') + vowel + cluster[2], stem + 'ов'];
  }
  if (/[аеиоуыэюя]к$/.test(stem)) return [stem + 'ов'];
  return [stem, stem + 'ов', stem + 'ей'];
}

/** «Химки», «Люберцы», «Озёра» (with a plural adjective): the nominative plural is given. */
export function pluralNoun(word: string): CaseSlots {
  const stem = word.slice(0, -1);
  const soft = !VELAR_OR_SIBILANT.test(stem) && !stem.endsWith('ц');
  const ending = (hard: string, softEnd: string) => (soft ? [stem + hard, stem + softEnd] : [stem + hard]);
  return slots(
    word,
    genitivePlural(stem),
    ending('ам', 'ям'),
    [word],
    ending('ами', 'ями'),
    ending('ах', 'ях'),
  );
}

function consonantNoun(word: string): CaseSlots {
  // Fleeting vowel: «городок → городка», «Снопок → Снопка», «Заулок → Заулка».
  const stems = /[^аеиоуыэюя]([ое])к$/.test(word) ? [word, word.slice(0, -2) + 'к'] : [word];
  const add = (endings: string[]) => stems.flatMap((s) => endings.map((e) => s + e));
  const ins = SIBILANT_OR_TS.test(word) ? ['ом', 'ем'] : ['ом'];
  return slots(word, add(['а']), add(['у']), [word], add(ins), add(['е']));
}

/** A noun (the head word of a name, or a one-word name). */
export function nounWord(word: string): CaseSlots {
  if (/\d/.test(word) || word.length < 2) return fixedWord(word);
  const stem = word.slice(0, -1);
  if (word.endsWith('ье')) {
    return slots(word, [stem + 'я'], [stem + 'ю'], [word], [stem + 'ем'], [word]);
  }
  if (word.endsWith('о')) {
    // Indeclinable use («в Ступино») next to the declined one («в Ступине»).
    return slots(
      word,
      [word, stem + 'а'],
      [word, stem + 'у'],
      [word],
      [word, stem + 'ом'],
      [word, stem + 'е'],
    );
  }
  if (word.endsWith('е')) return fixedWord(word);
  if (word.endsWith('ия')) {
    return slots(word, [stem + 'и'], [stem + 'и'], [stem + 'ю'], [stem + 'ей'], [stem + 'и']);
  }
  if (word.endsWith('а')) {
    const gen = VELAR_OR_SIBILANT.test(stem) ? 'и' : 'ы';
    const ins = SIBILANT_OR_TS.test(stem) ? [stem + 'ой', stem + 'ей'] : [stem + 'ой'];
    return slots(word, [stem + gen], [stem + 'е'], [stem + 'у'], ins, [stem + 'е']);
  }
  if (word.endsWith('я')) {
    return slots(word, [stem + 'и'], [stem + 'е'], [stem + 'ю'], [stem + 'ей'], [stem + 'е']);
  }
  if (word.endsWith('ь')) {
    // Feminine («Электросталь → Электростали») or masculine («Рошаль → Рошале»): both are in use.
    return slots(
      word,
      [stem + 'и', stem + 'я'],
      [stem + 'и', stem + 'ю'],
      [word],
      [word + 'ю', stem + 'ем'],
      [stem + 'и', stem + 'е'],
    );
  }
  if (word.endsWith('й')) {
    return slots(word, [stem + 'я'], [stem + 'ю'], [word], [stem + 'ем'], [stem + 'е']);
  }
  if (word.endsWith('ы') || word.endsWith('и')) return pluralNoun(word);
  if (/[аеиоуыэюя]$/.test(word)) return fixedWord(word);
  return consonantNoun(word);
}
