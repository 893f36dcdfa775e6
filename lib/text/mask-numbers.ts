/*
 * Phones, document and account numbers, dates of birth, profile links and flat numbers. Every pattern has
 * bounded quantifiers only, so a match attempt reads a bounded stretch of text from its start and a pass is
 * linear in the text; where the pattern alone cannot tell (a long number), a check digit or a cue word does.
 */
import { luhnValid, snilsValid } from './check-digits';
import { maskEmails } from './mask-emails';
import { before, L, scan } from './scan';

const PHONE = '[телефон]';
const NUMBER = '[номер]';
const LINK = '[ссылка]';
const DATE = '[дата]';

const SEP = '[\\s\\-‑–]{0,3}';
const NOT_AMOUNT = '(?!\\s{0,2}(?:руб|р\\.|₽|тыс|млн|млрд|коп|%))';

// Community pages (vk.com/club123, public…) are not a person's profile and stay.
const PROFILE_RE =
  /(?:https?:\/\/)?(?:www\.|m\.)?(?:vk\.(?:com|ru)|vkontakte\.ru|t\.me|telegram\.me|ok\.ru|instagram\.com|facebook\.com|fb\.com)\/(?!(?:club|public|event)\d)[\w\-./?=&%#]{0,200}[\w/]/giu;
const HANDLE_RE = /(?<![\p{L}\p{N}._])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\w@])/gu;

// «д.р. 12.03.1985», «дата рождения: 12 марта 1985 г.», «родилась 1985»; and «1985 г.р.», «12.03.85 г. р.».
const MONTHS = 'январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр';
const DATE_BODY = `(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{1,2}\\s{1,2}(?:${MONTHS})[а-я]{0,3}\\s{1,2}\\d{4}|(?:19|20)\\d{2})(?:\\s{0,2}(?:г\\.|года|г(?![\\p{L}])))?`;
const DOB_CUE = `д\\.\\s?р\\.?|д/р|дат[аыу]\\s{1,3}рожд(?:ения|\\.)?|рожд[её]нн?(?:ый|ая|ого|ой)?|родил(?:ся|ась)|г\\.\\s?р\\.`;
const DOB_AFTER_RE = new RegExp(`${L}(${DOB_CUE})([\\s:,-]{0,3})${DATE_BODY}(?!\\p{N})`, 'giu');
const DOB_BEFORE_RE = new RegExp(
  `${L}${DATE_BODY}(\\s{0,2}(?:г\\.\\s?р\\.?|года\\s{1,2}рождения|гр\\.)(?![\\p{L}]))`,
  'giu',
);

const SNILS_RE = new RegExp(`${L}\\d{3}-\\d{3}-\\d{3}[\\s-]\\d{2}(?!\\p{N})`, 'gu');
const SNILS_CUED_RE = new RegExp(
  `${L}(снилс[:\\s№]{0,4})\\d{3}[\\s-]?\\d{3}[\\s-]?\\d{3}[\\s-]?\\d{2}(?!\\p{N})`,
  'giu',
);
const PASSPORT_CUE = '(паспорт[а-яё]{0,4}(?:\\s{1,2}РФ)?[:,]?\\s{0,3})';
const PASSPORT_RE = new RegExp(
  `${L}${PASSPORT_CUE}?(?:сери[яи]\\s{0,3})?\\d{2}\\s?\\d{2}\\s{0,3}(?:№|номер|н\\.)\\s{0,3}\\d{6}(?!\\p{N})|${L}${PASSPORT_CUE}(?:сери[яи]\\s{0,3})?\\d{2}\\s?\\d{2}\\s{0,3}\\d{6}(?!\\p{N})`,
  'giu',
);
// A cue says the number is personal whatever its check digits: «л/с 1234567», «карта 2202 …», «р/с …».
const ACCOUNT_CUE = `(?:лицев[а-яё]{0,4}\\s{1,3})?сч[её]т[а-яё]{0,4}|расч[её]тн[а-яё]{0,4}\\s{1,3}сч[её]т[а-яё]{0,4}|[лрк]/с|л\\.\\s?с\\.|е?лс|енп|инн|снилс|полис[а-яё]{0,4}(?:\\s{1,2}омс)?|(?:номер\\s{1,2})?карт[аыуео][йю]?|свидетельств[а-яё]{0,4}`;
const ACCOUNT_RE = new RegExp(
  `${L}(${ACCOUNT_CUE})(\\s{0,3}(?:№|N|номер|:)?\\s{0,3})(\\d{1,25}(?:[\\s-]\\d{3,6}){0,6})(?![\\p{N}])${NOT_AMOUNT}`,
  'giu',
);
// A whole run of digits in groups: 11–25 digits that no other digit joins on either side.
const DIGIT_RUN_RE = /(?<!\p{N}[ -]?|\p{L})\d(?:[ -]?\d){10,24}(?![ -]?\p{N})/gu;

const PHONE_BODY = `(?:(\\(\\s{0,2}\\d{3}\\s{0,2}\\)|\\d{3})${SEP}\\d{3}${SEP}\\d{2}${SEP}\\d{2}|\\(\\s{0,2}\\d{4}\\s{0,2}\\)${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{2}|\\(\\s{0,2}\\d{5}\\s{0,2}\\)${SEP}\\d${SEP}\\d{2}${SEP}\\d{2})`;
const PHONE_RE = new RegExp(`(?<![\\p{L}\\p{N}+\\-])(?:(\\+\\s?7|8|7)${SEP})?${PHONE_BODY}(?!\\p{N})`, 'gu');
// Country prefix and ten digits in any grouping: «+7 916 12 345 67», «+7 9161 23 45 67», «8-916-123-45-67».
// Without a plus the code must start as Russian codes do (3xx, 4xx, 8xx, 9xx), so «7 12 2023 10 30» stays.
const PREFIXED_PHONE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}+\\-])(\\+\\s?7|[78](?=[\\s\\-‑–(]{0,3}[3489]))(?:[\\s\\-‑–()]{0,3}\\d){10}(?!\\p{N})`,
  'gu',
);
// A local number without its code needs a cue: «тел. 512-34-56», «т. 5-12-34», «по номеру 51 23 45».
const LOCAL_CUE = `[тt][еe]л(?:[еe]ф[оo]н[а-яё]{0,3})?|tel|т|моб(?:ильн[а-яё]{0,3})?|сот(?:ов[а-яё]{0,3})?|по\\s{1,2}номеру|номер\\s{1,2}телефона|звоните|звонить|позвоните|whats\\s?app|вотсап|ватсап|вайбер|viber`;
const LOCAL_PHONE_RE = new RegExp(
  `${L}((?:${LOCAL_CUE})\\.?:?\\s{0,3}(?:[\\s:-]\\s{0,2})?)(\\d{1,3}(?:[\\s-]?\\d{2}){2})(?!\\p{N})${NOT_AMOUNT}`,
  'giu',
);
// «в квартире 16 градусов» or «квартира 3 дня без воды» is a count, not the flat; «квартиры 50:57:…» a
// cadastral number.
const FLAT_RE = new RegExp(
  `${L}(кв(?:артир[а-яё]{0,3})?\\.?|кв-р[а-яё]{0,3}\\.?)\\s{0,3}(?:№\\s{0,2})?\\d{1,5}(?:[а-я](?![а-яё]))?(?:/\\d{1,4})?(?![\\p{N}]|:\\d)(?!\\s{0,3}(?:°|%|градус|дн|день|час|недел|месяц|лет|год|раз|человек|чел|минут|реб|дет|взросл|жил|собствен|комнат|окн|батаре|метр|м2|м²|кв\\.?\\s?м|см|руб|тыс|этаж))`,
  'giu',
);

const onlyDigits = (s: string): string => s.replace(/\D/g, '');

// An organisation's registration or statistics code is public and may pass a check digit by chance.
const PUBLIC_CODE_BEFORE =
  /(?:огрн(?:ип)?|октмо|окато|окпо|кпп|оквэд|кадастров[а-яё]{0,4}(?:\s{1,2}номер)?)[\s:№N]{0,4}$/iu;

/**
 * A run of 11–25 digits is hidden only when it is a card (13–19 digits passing Luhn), an account (20 digits) or
 * a СНИЛС (its control number; «…00» is left, as most OKTMO codes of 11 digits end so).
 */
function longNumber(run: string, lookBack: string): boolean {
  const digits = onlyDigits(run);
  if (PUBLIC_CODE_BEFORE.test(lookBack)) return false;
  if (digits.length === 20) return true;
  if (digits.length >= 13 && digits.length <= 19) return luhnValid(digits);
  return snilsValid(digits) && !digits.endsWith('00');
}

function maskPhones(text: string): string {
  const notPhone = (t: string, m: RegExpExecArray, prefix: string | undefined): boolean =>
    // «кв. 7 9161234567»: the 7 belongs to the flat, the phone starts after it.
    (prefix !== undefined &&
      /^\d/.test(prefix) &&
      /(?:кв|квартир[а-яё]{0,3}|д|дом)\.?\s{0,3}$/iu.test(before(t, m.index))) ||
    /№\s{0,3}$/.test(before(t, m.index)); // a request or order number
  let t = scan(text, PREFIXED_PHONE_RE, (m) => (notPhone(text, m, m[1]) ? null : PHONE));
  const u = t;
  t = scan(u, PHONE_RE, (m) => {
    if (notPhone(u, m, m[1])) return null;
    // Without a country prefix only a mobile (9xx) or a bracketed code reads unmistakably as a phone.
    const code = m[2];
    return m[1] || !code || code.startsWith('(') || code.startsWith('9') ? PHONE : null;
  });
  return t.replace(LOCAL_PHONE_RE, (_m, cue: string) => `${cue}${PHONE}`);
}

/** The text with e-mails, profile links, phones, document and account numbers, birth dates and flats hidden. */
export function maskNumbers(text: string): string {
  let t = maskEmails(text).replace(PROFILE_RE, LINK).replace(HANDLE_RE, LINK);
  // Everything below hides digits; most short complaints have few or none, and those skip all of it.
  if (!/\d/.test(t)) return t;
  t = t.replace(DOB_AFTER_RE, (_m, cue: string, gap: string) => `${cue}${gap || ' '}${DATE}`);
  t = t.replace(DOB_BEFORE_RE, (_m, tail: string) => `${DATE}${tail}`);
  t = t.replace(SNILS_RE, NUMBER).replace(SNILS_CUED_RE, (_m, cue: string) => `${cue}${NUMBER}`);
  t = t.replace(PASSPORT_RE, (_m, cueA?: string, cueB?: string) => `${cueA ?? cueB ?? ''}${NUMBER}`);
  t = scan(t, ACCOUNT_RE, (m) => (onlyDigits(m[3] ?? '').length >= 6 ? `${m[1]}${m[2]}${NUMBER}` : null));
  t = maskPhones(t);
  const u = t;
  t = scan(u, DIGIT_RUN_RE, (m) => (longNumber(m[0], before(u, m.index)) ? NUMBER : null));
  return t.replace(FLAT_RE, (_m, word: string) => `${word} [№]`);
}
