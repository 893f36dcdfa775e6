/*
 * Names. Where a word could be a name or a place/street/organisation, a rule leaves it alone unless something
 * (a cue word, a patronymic, initials, a known first name) says it is a person. Every pattern is bounded
 * (a word is at most 31 letters, a gap at most 3 spaces), so a pass stays linear in the text.
 */
import { isFirstName, isPatronymicAnyCase, isPlace, isStop, isSurnameLike, norm } from './name-words';
import { before, L, R, scan } from './scan';

const NAME = '[имя]';

const W = '[А-ЯЁ][а-яё]{1,30}(?:-[А-ЯЁ][а-яё]{1,30})?';
const INITIALS = '[А-ЯЁ]\\.(?:\\s?[А-ЯЁ]\\.)?';
// -ович/-евич/-ич and -овна/-евна/-ична in every case: Ивановича, Петровной, Ильиничне.
const PATRONYMIC = '[А-ЯЁ][а-яё]{1,25}(?:ич(?:а|у|ем|е)?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))';

const words = (list: string): string[] => list.trim().split(/\s+/);
/** A cue written at the start of a sentence is capitalised; the rest of the regex stays case-sensitive. */
const anyCase = (cue: string): string =>
  cue.replace(/^\p{L}/u, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
const PATRONYMIC_WORD = new RegExp(`^${PATRONYMIC}$`);
const isPatronymic = (word: string): boolean => PATRONYMIC_WORD.test(word);

/** Streets, monuments and schools are named after people: «ул. Юрия Гагарина», «им. А.С. Пушкина». */
const NAMED_AFTER =
  /(?:^|[^\p{L}])(?:ул|улиц[аеуы]|пр|пр-т|просп|проспект[аеу]?|пер|переул[а-яё]{0,4}|б-р|бульвар[а-яё]{0,4}|пл|площад[а-яё]{0,4}|ш|шоссе|проезд[а-яё]{0,4}|наб|набережн[а-яё]{0,4}|им|имени|мкр|микрорайон[а-яё]{0,4}|алле[яиу]|тупик[а-яё]{0,4}|памятник[а-яё]{0,4}|храм[а-яё]{0,4}|собор[а-яё]{0,4}|станци[а-яё]{0,4}|ст|парк[а-яё]{0,4}|сквер[а-яё]{0,4}|академика|маршала|генерала|героя|космонавта|адмирала|л[её]тчика|профессора|писателя|поэта|св|святого|святой)\.?\s{0,3}$/iu;
const PREPOSITIONS = 'в|во|из|на|по|под|от|до|к|ко|у|с|со|за|через|около|возле|для|при|о|об|над|между';
const AFTER_PREPOSITION = new RegExp(`(?:^|[^\\p{L}])(?:${PREPOSITIONS})\\s{1,3}$`, 'iu');

const namedAfter = (text: string, index: number): boolean => NAMED_AFTER.test(before(text, index));
const afterPreposition = (text: string, index: number): boolean =>
  AFTER_PREPOSITION.test(before(text, index));
const sentenceStart = (text: string, index: number): boolean =>
  /(?:^|[.!?…\n])\s{0,40}$/.test(before(text, index));

const SURNAME_INITIALS_RE = new RegExp(`${L}(${W})\\s{1,3}(${INITIALS})(?!\\p{L})`, 'gu');
const INITIALS_SURNAME_RE = new RegExp(`${L}(?<![А-ЯЁ]\\.\\s?)(${INITIALS})\\s?(${W})${R}`, 'gu');
const FULL_NAME_RE = new RegExp(
  `${L}(?:(${W})\\s{1,3})?(${W})\\s{1,3}(${PATRONYMIC})(?:\\s{1,3}(${W}))?${R}`,
  'gu',
);
const NAME_PAIR_RE = new RegExp(`${L}(${W})\\s{1,3}(${W})${R}`, 'gu');
// Names as residents type them in a hurry: «иванов иван иванович», «ИВАНОВА АННА», «петрова м.и.».
const ANY_WORD = '[а-яё]{2,31}';
const ANY_PATRONYMIC = '[а-яё]{2,25}(?:ич(?:а|у|ем|е)?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))';
const LOWER_FULL_RE = new RegExp(
  `${L}(?:(${ANY_WORD})\\s{1,3})?(${ANY_WORD})\\s{1,3}(${ANY_PATRONYMIC})(?:\\s{1,3}(${ANY_WORD}))?${R}`,
  'giu',
);
const ANY_PAIR_RE = new RegExp(`${L}(${ANY_WORD})\\s{1,3}(${ANY_WORD})${R}`, 'giu');
const ANY_SIGN_RE = new RegExp(
  `${L}((?:меня\\s{1,2}зовут|зовут|с\\s{1,2}уважением,?|подпись:?|фио:?)\\s{0,3})(${ANY_WORD}(?:\\s{1,3}${ANY_WORD}){0,2})${R}`,
  'giu',
);
const LOWER_INITIALS_RE = new RegExp(`${L}(${ANY_WORD})\\s{1,3}[а-яё]\\.\\s?[а-яё]\\.`, 'giu');

const ROLES =
  words(`сосед соседк врач главврач доктор терапевт педиатр хирург стоматолог медсестр фельдшер акушер учител
  учительниц преподавател воспитател директор заведующ завуч участков инспектор мастер диспетчер дворник уборщиц
  председател управляющ начальник инженер сотрудник сотрудниц водител кондуктор продав кассир администратор юрист
  гражданин гражданк жительниц пенсионер ветеран заявител собственник собственниц квартирант хозяин хозяйк
  мам пап муж жена жены жене жену женой сын доч бабушк дедушк внук внучк`).concat(
    'старш[а-яё]{0,4}\\s{1,3}по\\s{1,3}(?:дому|подъезду)',
  );
// Between a role and the name: «директор школы № 5 Кузнецова», «врач ГБУЗ МО «…» Смирнова», never a preposition.
const INSTITUTION = `[А-ЯЁ][а-яё]{1,30}(?:ой|ая|ий|ый|ого|ую)\\s{1,3}(?:больниц|поликлиник|амбулатори|консультаци|школ|гимнази|лице|сад|администраци|служб|станци|подстанци|компани)[а-яё]{0,6}`;
const BETWEEN = `(?:(?:(?!(?:${PREPOSITIONS})\\s)[а-яё]{1,30}|№\\s{0,2}\\d{1,6}|\\d{1,6}|[А-ЯЁ]{2,6}|«[^«»]{1,40}»|${INSTITUTION})\\s{1,3}){0,3}`;
const ROLE_RE = new RegExp(
  `${L}((?:${ROLES.map(anyCase).join('|')})[а-яё]{0,8}|[Гг]р\\.)(\\s{1,3})(${BETWEEN})(${W}(?:\\s{1,3}${W}){0,2})${R}`,
  'gu',
);
const SIGN_CUES = ['меня зовут', 'зовут', 'мо[её] имя', 'с уважением,?', 'подпись:?', 'заявитель(?:ница)?:'];
const SIGN_RE = new RegExp(
  `${L}((?:${SIGN_CUES.map(anyCase).join('|')}|ФИО(?:\\s{1,3}заявителя)?:?|Ф\\.\\s?И\\.\\s?О\\.:?)\\s{0,3})([А-ЯЁа-яё][а-яё]{1,30}(?:-[А-ЯЁ][а-яё]{1,30})?(?:\\s{1,3}${W}){0,2})${R}`,
  'gu',
);

/** The index of the first non-space at or after `from`; a run of spaces is skipped by one match at most. */
function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

const nameLike = (word: string): boolean =>
  isFirstName(word) || isPatronymic(word) || (isSurnameLike(word) && !isPlace(word));

const anyCaseNameLike = (word: string): boolean =>
  isFirstName(word) || isPatronymicAnyCase(word) || (isSurnameLike(word) && !isPlace(word));

/** Masks the leading words of `span` that pass `first` (the first word) and then `nameLike`. */
function maskLeading(span: string, first: (word: string, rest: string) => boolean): string | null {
  const parts = span.split(/(\s+)/);
  if (!first(parts[0] ?? '', parts.slice(1).join(''))) return null;
  let taken = 1;
  while (taken + 1 < parts.length && nameLike(parts[taken + 1] ?? '')) taken += 2;
  return NAME + parts.slice(taken).join('');
}

/** «иванов иван иванович», «ИВАН ИВАНОВИЧ»: a known first name and a patronymic, in any letter case. */
function maskAnyCaseNames(text: string): string {
  let t = scan(text, LOWER_FULL_RE, (m) => {
    const [, lead, first = '', patronymic = '', trail] = m;
    if (!isFirstName(first) || !isPatronymicAnyCase(patronymic) || namedAfter(text, m.index)) {
      return null;
    }
    const keepLead = lead !== undefined && (!isSurnameLike(lead) || isPlace(lead) || isStop(lead));
    const keepTrail = trail !== undefined && (!isSurnameLike(trail) || isPlace(trail));
    return `${keepLead ? `${lead} ` : ''}${NAME}${keepTrail ? ` ${trail}` : ''}`;
  });
  const u = t;
  t = scan(u, LOWER_INITIALS_RE, (m) => {
    const surname = m[1] ?? '';
    const ok = isSurnameLike(surname) && !isPlace(surname) && !isStop(surname) && !namedAfter(u, m.index);
    return ok ? NAME : null;
  });
  const v = t;
  // «иванов иван», «ОЛЬГА СМИРНОВА»: a known first name beside a surname, neither of them a town.
  t = scan(v, ANY_PAIR_RE, (m) => {
    const [, a = '', b = ''] = m;
    // Cheapest test first: most pairs of words hold no known first name at all.
    const pair = (isFirstName(a) && isSurnameLike(b)) || (isSurnameLike(a) && isFirstName(b));
    return pair && !isPlace(a) && !isPlace(b) && !namedAfter(v, m.index) ? NAME : null;
  });
  // «МЕНЯ ЗОВУТ ТАТЬЯНА», «с уважением петрова»: the cue in any case, the words after it that look like a name.
  return scan(t, ANY_SIGN_RE, (m) => {
    const [, cue = '', span = ''] = m;
    const masked = maskLeading(span, (word) => !isStop(word) && !isPlace(word) && anyCaseNameLike(word));
    return masked === null ? null : cue + masked;
  });
}

/** The text with people's names replaced by «[имя]». */
export function maskNames(text: string): string {
  let t = scan(text, SURNAME_INITIALS_RE, (m) => {
    const [all, surname = '', initials = ''] = m;
    if (isStop(surname) || isPlace(surname) || namedAfter(text, m.index)) return null;
    const after = m.index + all.length;
    // «Участковый И.И. Петров»: the initials belong to the word after them.
    const nextWord = /^\s?[А-ЯЁ][а-яё]/.test(text.slice(after, after + 3));
    if ((initials.length <= 2 || nextWord) && !isSurnameLike(surname)) return null;
    // The initials' last dot may also end the sentence.
    const next = skipSpaces(text, after);
    const endsSentence = next === text.length || (next > after && /[А-ЯЁ]/.test(text[next]!));
    return endsSentence ? `${NAME}.` : NAME;
  });
  t = scan(t, INITIALS_SURNAME_RE, (m) => {
    const [, initials = '', surname = ''] = m;
    if (isStop(surname) || isPlace(surname) || namedAfter(t, m.index)) return null;
    return initials.length > 2 || isSurnameLike(surname) ? NAME : null;
  });
  t = scan(t, FULL_NAME_RE, (m) => {
    const [, lead, first = '', patronymic = '', trail] = m;
    if (namedAfter(t, m.index) || isStop(first)) return null;
    const strong = /(?:ович|евич|овн|евн|ичн)/.test(patronymic);
    if (!strong && !isFirstName(first)) return null;
    // The word before may be a surname («с Петровой Ольгой Викторовной») or not part of the name at all: a
    // town («в Королёве Мария Петровна»), a greeting, or any word opening the sentence.
    const placed = isPlace(lead ?? '');
    const afterPrep = afterPreposition(t, m.index);
    const keepLead =
      lead !== undefined &&
      (isStop(lead) ||
        (placed && afterPrep) ||
        (!isSurnameLike(lead) && (sentenceStart(t, m.index) || placed || afterPrep)));
    const keepTrail = trail !== undefined && (isStop(trail) || !isSurnameLike(trail));
    return `${keepLead ? `${lead} ` : ''}${NAME}${keepTrail ? ` ${trail}` : ''}`;
  });
  t = scan(t, NAME_PAIR_RE, (m) => {
    const [, a = '', b = ''] = m;
    const pair = (isFirstName(a) && isSurnameLike(b)) || (isSurnameLike(a) && isFirstName(b) && !isPlace(a));
    return pair && !namedAfter(t, m.index) ? NAME : null;
  });
  t = scan(t, ROLE_RE, (m) => {
    const [, role = '', gap = '', between = '', span = ''] = m;
    const end = m.index + m[0].length;
    const after = t.slice(end, skipSpaces(t, end) + 1);
    const masked = maskLeading(span, (word, rest) => {
      // «Детской поликлиники»: an -ская adjective before a lower-case noun is part of an institution's name.
      const adjective = /(?:ск|цк)(?:ий|ой|ая|ую)$/.test(word) && /^\s+[а-яё]/.test(rest + after);
      return !isStop(word) && nameLike(word) && !adjective;
    });
    return masked === null ? null : `${role}${gap}${between}${masked}`;
  });
  t = scan(t, SIGN_RE, (m) => {
    const [, cue = '', span = ''] = m;
    const lowerOk = /зовут|имя/i.test(cue);
    const masked = maskLeading(span, (word) => {
      if (isStop(word) || isPlace(word)) return false;
      return /^[А-ЯЁ]/.test(word) || (lowerOk && !/^(?:не|как|все|вс[её])$/.test(norm(word)));
    });
    return masked === null ? null : cue + masked;
  });
  return maskAnyCaseNames(t).replace(/\[имя\](?:\s{1,3}\[имя\])+/g, NAME);
}
