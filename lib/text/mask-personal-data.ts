/*
 * Hides personal data before a resident's text reaches the video wall, which anyone in the control room (and
 * on press photos of it) can read. Rules are regular expressions with a context check; where a word could be
 * a name or a place/street/organisation, the rule leaves it alone unless something (a cue word, a patronymic,
 * initials, a known first name) says it is a person.
 */

const PHONE = '[телефон]';
const EMAIL = '[e-mail]';
const NAME = '[имя]';
const NUMBER = '[номер]';
const LINK = '[ссылка]';

// \b is ASCII-only in JavaScript, so word edges are spelt out for Cyrillic.
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const W = '[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?';
const INITIALS = '[А-ЯЁ]\\.(?:\\s?[А-ЯЁ]\\.)?';
// -ович/-евич/-ич and -овна/-евна/-ична in every case: Ивановича, Петровной, Ильиничне.
const PATRONYMIC = '[А-ЯЁ][а-яё]+(?:ич(?:а|у|ем|е)?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))';
const SEP = '[\\s\\-‑–]*';

const words = (list: string): string[] => list.trim().split(/\s+/);
const norm = (word: string): string => word.toLowerCase().replace(/ё/g, 'е');
/** A cue written at the start of a sentence is capitalised; the rest of the regex stays case-sensitive. */
const anyCase = (cue: string): string =>
  cue.replace(/^\p{L}/u, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);

// Common first names only; those that are also ordinary words (Вера, Надежда, Любовь, Роман, Слава…) are left
// out so that «Вера в лучшее» or «Роман Толстого» stays as written.
const FIRST_NAMES = words(`
  Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Борис Вадим Валентин Валерий Василий Виктор
  Виталий Владимир Владислав Всеволод Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий Евгений
  Егор Иван Игорь Илья Кирилл Константин Леонид Максим Матвей Михаил Никита Николай Олег Пётр Руслан Семён
  Сергей Станислав Степан Тимофей Тимур Фёдор Юрий Ярослав Эдуард Александра Алёна Алина Алла Анастасия
  Ангелина Анна Валентина Валерия Варвара Вероника Галина Дарья Евгения Екатерина Елена Елизавета Жанна
  Зинаида Зоя Инна Ирина Кристина Ксения Лариса Лидия Людмила Маргарита Марина Мария Наталья Наталия Нина
  Оксана Ольга Полина Раиса Светлана Софья София Таисия Тамара Татьяна Ульяна Эльвира Юлия Яна`);

function declensions(name: string): string[] {
  const n = norm(name);
  const stem = n.slice(0, -1);
  const suffixed = (base: string, ends: string[]) => ends.map((e) => base + e);
  if (n.endsWith('ия')) return suffixed(n.slice(0, -2), ['ия', 'ии', 'ию', 'ией']);
  if (n.endsWith('й') || n.endsWith('ь')) return suffixed(stem, [n.slice(-1), 'я', 'ю', 'ем', 'е']);
  if (n.endsWith('я')) return suffixed(stem, ['я', 'и', 'е', 'ю', 'ей']);
  // Both -ы and -и: spelling after г/к/х (Ольги) is not worth a rule of its own.
  if (n.endsWith('а')) return suffixed(stem, ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою']);
  return suffixed(n, ['', 'а', 'у', 'ом', 'е']);
}
// Павел loses its е in the other cases (Павла), which the simple rule above does not know.
const FIRST_NAME_FORMS = new Set([
  ...FIRST_NAMES.flatMap(declensions),
  ...words('павел павла павлу павлом павле'),
]);

/** Capitalised words that open sign-offs and greetings but are never somebody's name. */
const STOP = new Set(
  words(`уважаемый уважаемая уважаемые дорогой дорогая дорогие здравствуйте добрый доброе спасибо жители житель
  жительница жильцы администрация глава губернатор совет ваш ваша ваши соседи собственники инициативная
  родители коллектив пенсионерка пенсионер ветеран управляющая прошу просим помогите срочно мэр министр депутат
  президент господи`),
);

// Towns of the oblast (and words built on them) that look like surnames or could follow a cue or initials.
const PLACE_STEMS = words(`балаших подольск химк химок мытищ королев люберц красногорск электрост электроугл
  электрогорск коломн одинцово одинцовск домодедов серпухов щелков раменск долгопрудн жуковск пушкино пушкинск
  реутов сергиев посад ногинск орехово зуево дмитров чехов видн ступин егорьевск воскресенск ивантеевк фрязин
  наро-фоминск фоминск солнечногорск лыткарин дзержинск можайск волоколамск шатур кашир зарайск луховиц
  талдом лотошин шаховск бронниц котельник москв москов подмосков росси апрелевк голицыно кубинк звенигород
  краснознаменск власих черноголовк протвин пущино красноармейск ожерель дедовск яхром хотьков купавн нахабин
  томилин малаховк сходн новгород петербург городск детск женск мужск сельск русск област районн центральн`);
const PLACE_WORDS = new Set(
  words('клин клина клину клином клине руза рузы рузе рузу истра истры истре истру'),
);
const isPlace = (word: string): boolean => {
  const n = norm(word);
  return PLACE_WORDS.has(n) || PLACE_STEMS.some((stem) => n.startsWith(stem));
};

const SURNAME_END =
  /(?:[ое]в|[иы]н)(?:а|у|ым|ой|е|ых|ы)?$|(?:ск|цк)(?:ий|ой|ая|ую)$|(?:ых|их|енко|чук|[ую]к|ян|дзе|швили|ич)$/;
const isSurnameLike = (word: string): boolean => word.length >= 4 && SURNAME_END.test(norm(word));
const isFirstName = (word: string): boolean => FIRST_NAME_FORMS.has(norm(word));
const PATRONYMIC_WORD = new RegExp(`^${PATRONYMIC}$`);
const isPatronymic = (word: string): boolean => PATRONYMIC_WORD.test(word);
const isStop = (word: string): boolean => STOP.has(norm(word));

/** Streets, monuments and schools are named after people: «ул. Юрия Гагарина», «им. А.С. Пушкина». */
const NAMED_AFTER =
  /(?:^|[^\p{L}])(?:ул|улиц[аеуы]|пр|пр-т|просп|проспект[аеу]?|пер|переул[а-яё]*|б-р|бульвар[а-яё]*|пл|площад[а-яё]*|ш|шоссе|проезд[а-яё]*|наб|набережн[а-яё]*|им|имени|мкр|микрорайон[а-яё]*|алле[яиу]|тупик[а-яё]*|памятник[а-яё]*|храм[а-яё]*|собор[а-яё]*|станци[а-яё]*|ст|парк[а-яё]*|сквер[а-яё]*|академика|маршала|генерала|героя|космонавта|адмирала|л[её]тчика|профессора|писателя|поэта|св|святого|святой)\.?\s*$/iu;
const PREPOSITIONS = 'в|во|из|на|по|под|от|до|к|ко|у|с|со|за|через|около|возле|для|при|о|об|над|между';
const AFTER_PREPOSITION = new RegExp(`(?:^|[^\\p{L}])(?:${PREPOSITIONS})\\s+$`, 'iu');

const before = (text: string, index: number): string => text.slice(Math.max(0, index - 40), index);
const namedAfter = (text: string, index: number): boolean => NAMED_AFTER.test(before(text, index));
const afterPreposition = (text: string, index: number): boolean =>
  AFTER_PREPOSITION.test(before(text, index));
const sentenceStart = (text: string, index: number): boolean =>
  /(?:^|[.!?…\n])\s*$/.test(before(text, index));

/**
 * Replaces what `decide` accepts. A rejected match is retried one character later, so that a false start
 * (a town right before a name) does not swallow the real name that follows it.
 */
function scan(text: string, re: RegExp, decide: (m: RegExpExecArray) => string | null): string {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const replacement = decide(m);
    if (replacement === null) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out += text.slice(last, m.index) + replacement;
    last = re.lastIndex = m.index + m[0].length;
  }
  return out + text.slice(last);
}

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Community pages (vk.com/club123, public…) are not a person's profile and stay.
const PROFILE_RE =
  /(?:https?:\/\/)?(?:www\.|m\.)?(?:vk\.(?:com|ru)|vkontakte\.ru|t\.me|telegram\.me|ok\.ru|instagram\.com|facebook\.com|fb\.com)\/(?!(?:club|public|event)\d)[\w\-./?=&%#]*[\w/]/giu;
const HANDLE_RE = /(?<![\p{L}\p{N}._])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\w@])/gu;
const SNILS_RE = new RegExp(`${L}\\d{3}-\\d{3}-\\d{3}[\\s-]\\d{2}(?!\\p{N})`, 'gu');
const PASSPORT_RE = new RegExp(
  `${L}(паспорт[а-яё]*(?:\\s+РФ)?[:,]?\\s*)?(?:сери[яи]\\s*)?\\d{2}\\s?\\d{2}\\s*(?:№|номер|н\\.)\\s*\\d{6}(?!\\p{N})|${L}(паспорт[а-яё]*(?:\\s+РФ)?[:,]?\\s*)(?:сери[яи]\\s*)?\\d{2}\\s?\\d{2}\\s*\\d{6}(?!\\p{N})`,
  'giu',
);
const ACCOUNT_RE = new RegExp(
  `${L}((?:лицев[а-яё]*\\s+)?сч[её]т[а-яё]*|л/с|л\\.\\s?с\\.|е?лс|енп|снилс|инн|полис[а-яё]*(?:\\s+омс)?|(?:номер\\s+)?карт[аыуе]|свидетельств[а-яё]*)(\\s*(?:№|N|номер|:)?\\s*)(\\d+(?:[\\s-]\\d{3,})*)(?![\\p{N}])(?!\\s*(?:руб|р\\.|₽|тыс|%))`,
  'giu',
);
const CARD_RE = new RegExp(`${L}\\d{4}(?:[\\s-]?\\d{4}){3}(?:\\d{1,3})?(?!\\p{N})`, 'gu');
const PHONE_BODY = `(?:(\\(\\s*\\d{3}\\s*\\)|\\d{3})${SEP}\\d{3}${SEP}\\d{2}${SEP}\\d{2}|\\(\\s*\\d{4}\\s*\\)${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{2}|\\(\\s*\\d{5}\\s*\\)${SEP}\\d${SEP}\\d{2}${SEP}\\d{2})`;
const PHONE_RE = new RegExp(`(?<![\\p{L}\\p{N}+\\-])(?:(\\+\\s?7|8|7)${SEP})?${PHONE_BODY}(?!\\p{N})`, 'gu');
// A city number without its code needs a cue: «тел. 512-34-56», «т. 5-12-34».
const LOCAL_PHONE_RE = new RegExp(
  `${L}((?:[Тт]ел|[Тт]елефон[а-яё]*|[Тт]|[Мм]об|[Мм]обильн[а-яё]*|[Сс]от|[Сс]отов[а-яё]*)\\.?:?\\s*)(\\d{1,3}(?:[\\s-]?\\d{2}){2})(?!\\p{N})`,
  'gu',
);
const LONG_NUMBER_RE = new RegExp(`${L}\\d{11,}(?!\\p{N})`, 'gu');
// «в квартире 16 градусов» or «квартира 3 дня без воды» is a count, not the flat.
const FLAT_RE = new RegExp(
  `${L}([Кк]в(?:артир[а-яё]*)?\\.?|[Кк]в-р[а-яё]*\\.?)\\s*(?:№\\s*)?\\d+(?:[а-яА-Я](?![а-яё]))?(?:/\\d+)?(?![\\p{N}])(?!\\s*(?:°|%|градус|дн|день|час|недел|месяц|лет|год|раз|человек|чел|минут|реб|дет|взросл|жил|собствен|комнат|окн|батаре|метр|м2|м²|кв\\.?\\s?м|см|руб|тыс|этаж))`,
  'gu',
);

function maskNumbers(text: string): string {
  let t = text.replace(EMAIL_RE, EMAIL).replace(PROFILE_RE, LINK).replace(HANDLE_RE, LINK);
  t = t.replace(SNILS_RE, NUMBER);
  t = t.replace(PASSPORT_RE, (_m, cueA?: string, cueB?: string) => `${cueA ?? cueB ?? ''}${NUMBER}`);
  t = scan(t, ACCOUNT_RE, (m) =>
    (m[3] ?? '').replace(/\D/g, '').length >= 6 ? `${m[1]}${m[2]}${NUMBER}` : null,
  );
  t = t.replace(CARD_RE, NUMBER);
  t = scan(t, PHONE_RE, (m) => {
    // Without a country prefix only a mobile (9xx) or a bracketed code reads unmistakably as a phone.
    const code = m[2];
    // «кв. 7 9161234567»: the 7 belongs to the flat, the phone starts after it.
    if (m[1] && /^\d/.test(m[1]) && /(?:кв|квартир[а-яё]*|д|дом)\.?\s*$/iu.test(before(t, m.index)))
      return null;
    if (/№\s*$/.test(before(t, m.index))) return null; // a request or order number
    return m[1] || !code || code.startsWith('(') || code.startsWith('9') ? PHONE : null;
  });
  t = t.replace(LOCAL_PHONE_RE, (_m, cue: string) => `${cue}${PHONE}`);
  t = t.replace(LONG_NUMBER_RE, NUMBER);
  return t.replace(FLAT_RE, (_m, word: string) => `${word} [№]`);
}

const SURNAME_INITIALS_RE = new RegExp(`${L}(${W})\\s+(${INITIALS})(?!\\p{L})`, 'gu');
const INITIALS_SURNAME_RE = new RegExp(`${L}(?<![А-ЯЁ]\\.\\s?)(${INITIALS})\\s?(${W})${R}`, 'gu');
const FULL_NAME_RE = new RegExp(`${L}(?:(${W})\\s+)?(${W})\\s+(${PATRONYMIC})(?:\\s+(${W}))?${R}`, 'gu');
const NAME_PAIR_RE = new RegExp(`${L}(${W})\\s+(${W})${R}`, 'gu');

const ROLES =
  words(`сосед соседк врач главврач доктор терапевт педиатр хирург стоматолог медсестр фельдшер акушер учител
  учительниц преподавател воспитател директор заведующ завуч участков инспектор мастер диспетчер дворник уборщиц
  председател управляющ начальник инженер сотрудник сотрудниц водител кондуктор продав кассир администратор юрист
  гражданин гражданк жительниц пенсионер ветеран заявител собственник собственниц квартирант хозяин хозяйк
  мам пап муж жена жены жене жену женой сын доч бабушк дедушк внук внучк`).concat(
    'старш[а-яё]*\\s+по\\s+(?:дому|подъезду)',
  );
// Between a role and the name: «директор школы № 5 Кузнецова», «врач ГБУЗ МО «…» Смирнова», never a preposition.
const INSTITUTION = `[А-ЯЁ][а-яё]+(?:ой|ая|ий|ый|ого|ую)\\s+(?:больниц|поликлиник|амбулатори|консультаци|школ|гимнази|лице|сад|администраци|служб|станци|подстанци|компани)[а-яё]*`;
const BETWEEN = `(?:(?:(?!(?:${PREPOSITIONS})\\s)[а-яё]+|№\\s*\\d+|\\d+|[А-ЯЁ]{2,6}|«[^«»]{1,40}»|${INSTITUTION})\\s+){0,3}`;
const ROLE_RE = new RegExp(
  `${L}((?:${ROLES.map(anyCase).join('|')})[а-яё]*|[Гг]р\\.)(\\s+)(${BETWEEN})(${W}(?:\\s+${W}){0,2})${R}`,
  'gu',
);
const SIGN_CUES = ['меня зовут', 'зовут', 'мо[её] имя', 'с уважением,?', 'подпись:?', 'заявитель(?:ница)?:'];
const SIGN_RE = new RegExp(
  `${L}((?:${SIGN_CUES.map(anyCase).join('|')}|ФИО(?:\\s+заявителя)?:?|Ф\\.\\s?И\\.\\s?О\\.:?)\\s*)([А-ЯЁа-яё][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:\\s+${W}){0,2})${R}`,
  'gu',
);

const nameLike = (word: string): boolean =>
  isFirstName(word) || isPatronymic(word) || (isSurnameLike(word) && !isPlace(word));

/** Masks the leading words of `span` that pass `first` (the first word) and then `nameLike`. */
function maskLeading(span: string, first: (word: string, rest: string) => boolean): string | null {
  const parts = span.split(/(\s+)/);
  if (!first(parts[0] ?? '', parts.slice(1).join(''))) return null;
  let taken = 1;
  while (taken + 1 < parts.length && nameLike(parts[taken + 1] ?? '')) taken += 2;
  return NAME + parts.slice(taken).join('');
}

function maskNames(text: string): string {
  let t = scan(text, SURNAME_INITIALS_RE, (m) => {
    const [all, surname = '', initials = ''] = m;
    if (isStop(surname) || isPlace(surname) || namedAfter(text, m.index)) return null;
    const rest = text.slice(m.index + all.length);
    // «Участковый И.И. Петров»: the initials belong to the word after them.
    if ((initials.length <= 2 || /^\s?[А-ЯЁ][а-яё]/.test(rest)) && !isSurnameLike(surname)) return null;
    // The initials' last dot may also end the sentence.
    return /^(?:\s*$|\s+[А-ЯЁ])/.test(rest) ? `${NAME}.` : NAME;
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
    if (namedAfter(t, m.index)) return null;
    if (isFirstName(a) && isSurnameLike(b)) return NAME;
    return isSurnameLike(a) && isFirstName(b) && !isPlace(a) ? NAME : null;
  });
  t = scan(t, ROLE_RE, (m) => {
    const [, role = '', gap = '', between = '', span = ''] = m;
    const masked = maskLeading(span, (word, rest) => {
      // «Детской поликлиники»: an -ская adjective before a lower-case noun is part of an institution's name.
      const adjective =
        /(?:ск|цк)(?:ий|ой|ая|ую)$/.test(word) && /^\s+[а-яё]/.test(rest + t.slice(m.index + m[0].length));
      return !isStop(word) && nameLike(word) && !adjective;
    });
    return masked === null ? null : `${role}${gap}${between}${masked}`;
  });
  t = scan(t, SIGN_RE, (m) => {
    const [, cue = '', span = ''] = m;
    const lowerOk = /зовут|имя/i.test(cue);
    const masked = maskLeading(span, (word) => {
      if (isStop(word) || isPlace(word)) return false;
      return /^[А-ЯЁ]/.test(word) || (lowerOk && !/^(?:не|как|все|вс[её])$/.test(word));
    });
    return masked === null ? null : cue + masked;
  });
  return t.replace(/\[имя\](?:\s+\[имя\])+/g, NAME);
}

/** The text with phones, e-mails, names, flat numbers, document numbers and profile links replaced. */
export function maskPersonalData(text: string): string {
  return maskNames(maskNumbers(text));
}

/** A single-line, masked excerpt of at most `maxChars` characters (code points), cut on a word boundary. */
export function excerptOf(text: string, maxChars = 160): string {
  if (maxChars < 1) return '';
  const flat = maskPersonalData(text).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  if (chars.length <= maxChars) return flat;
  const room = Math.max(0, maxChars - 1);
  const head = chars.slice(0, room + 1);
  // Prefer the last space that keeps the line within the limit; a single huge word is cut hard.
  let cut = head.lastIndexOf(' ');
  if (cut < room / 2) cut = room;
  const kept = chars
    .slice(0, cut)
    .join('')
    .replace(/[\s,;:—–-]+$/u, '');
  return `${kept}…`;
}
