import type { Rng } from './random';

/*
 * Residents often sign their messages or leave a way to reach them: a phone, an e-mail, a flat number. The
 * simulator adds such details to some messages so that the wall's personal-data masking has something to hide.
 * Every detail is fictional: random digits, reserved example.* mail domains, names from a list of common ones.
 */

/** Share of resident-written messages that carry details; with the channel mix this is about 17 % of all. */
const SHARE = 0.2;

/** Agencies, sector systems and the media forward a message without the resident's contacts. */
const RESIDENT_SOURCES: ReadonlySet<string> = new Set([
  'dobrodel',
  'incident',
  'governor-hotline',
  'call-112',
]);

const words = (list: string): string[] => list.trim().split(/\s+/);

const SURNAMES =
  words(`Петров Смирнов Кузнецов Соколов Лебедев Козлов Новиков Морозов Волков Зайцев Павлов Семёнов
  Голубев Виноградов Богданов Фёдоров Михайлов Беляев Тарасов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин
  Гусев Титов Кузьмин Баранов Куликов Алексеев Степанов Яковлев Сорокин Захаров Борисов Герасимов Никитин Соболев
  Рябов Поляков Цветков Данилов Фролов Крылов Максимов Сидоров Осипов Егоров Калинин Антонов Тимофеев Филиппов
  Марков Миронов Громов Фомин Давыдов Мельников Щербаков Карпов Власов Тихонов Гаврилов Быков Третьяков Абрамов
  Мухин Вишневский Залесский Шевченко Бондаренко Ковальчук`);
const MEN = words(`Андрей Сергей Алексей Дмитрий Игорь Николай Павел Михаил Олег Виктор Юрий Евгений Владимир
  Александр Артём Максим Денис Иван`);
const WOMEN =
  words(`Анна Ольга Татьяна Елена Наталья Ирина Светлана Марина Екатерина Юлия Галина Людмила Валентина
  Нина Мария Ксения Дарья Лариса`);
/** Father's name → [son's, daughter's] patronymic. */
const PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Иванович', 'Ивановна'],
  ['Сергеевич', 'Сергеевна'],
  ['Петрович', 'Петровна'],
  ['Александрович', 'Александровна'],
  ['Николаевич', 'Николаевна'],
  ['Викторович', 'Викторовна'],
  ['Андреевич', 'Андреевна'],
  ['Дмитриевич', 'Дмитриевна'],
  ['Михайлович', 'Михайловна'],
  ['Владимирович', 'Владимировна'],
  ['Юрьевич', 'Юрьевна'],
  ['Олегович', 'Олеговна'],
  ['Геннадьевич', 'Геннадьевна'],
  ['Анатольевич', 'Анатольевна'],
];

interface Person {
  surname: string;
  first: string;
  patronymic: string;
}

function feminine(surname: string): string {
  if (/(?:ов|ев|ёв|ин)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -2)}ая`;
  return surname; // -енко, -чук do not change
}

function person(rng: Rng): Person {
  const woman = rng.chance(0.55);
  const surname = rng.pick(SURNAMES);
  const [son, daughter] = rng.pick(PATRONYMICS);
  return woman
    ? { surname: feminine(surname), first: rng.pick(WOMEN), patronymic: daughter }
    : { surname, first: rng.pick(MEN), patronymic: son };
}

/** How residents write their own name at the end of a message. */
function signedName(p: Person, rng: Rng): string {
  const initials = `${p.first.charAt(0)}.${p.patronymic.charAt(0)}.`;
  return rng.pick([
    `${p.surname} ${p.first} ${p.patronymic}`,
    `${p.surname} ${p.first} ${p.patronymic}`,
    `${p.first} ${p.patronymic} ${p.surname}`,
    `${p.surname} ${initials}`,
    `${p.first.charAt(0)}. ${p.patronymic.charAt(0)}. ${p.surname}`,
    `${p.first} ${p.surname}`,
    `${p.first} ${p.patronymic}`,
  ]);
}

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** A mobile in the 9xx range with random digits, or a 496 city line, written in one of the usual ways. */
function phone(rng: Rng): string {
  if (rng.chance(0.1)) return `8 (496) ${rng.int(500, 599)}-${digits(rng, 2)}-${digits(rng, 2)}`;
  const code = `9${digits(rng, 2)}`;
  const [a, b, c] = [digits(rng, 3), digits(rng, 2), digits(rng, 2)];
  return rng.pick([
    `+7 (${code}) ${a}-${b}-${c}`,
    `8 ${code} ${a} ${b} ${c}`,
    `8${code}${a}${b}${c}`,
    `+7${code}${a}${b}${c}`,
    `8-${code}-${a}-${b}-${c}`,
    `7 ${code} ${a}${b}${c}`,
  ]);
}

const CYRILLIC = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const LATIN = 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya'.split(' ');
const latin = (word: string): string =>
  Array.from(word.toLowerCase(), (c) => (LATIN[CYRILLIC.indexOf(c)] ?? c).replace('-', '')).join('');

function email(p: Person, rng: Rng): string {
  const [first, surname] = [latin(p.first), latin(p.surname)];
  const login = rng.pick([
    `${first}.${surname}`,
    `${surname}${rng.int(60, 99)}`,
    `${first.charAt(0)}${surname}`,
  ]);
  return `${login}@${rng.pick(['example.com', 'example.org', 'example.net'])}`;
}

const flat = (rng: Rng): string => `кв. ${rng.int(1, 240)}`;

/** One resident's details, already phrased for the channel: a closing line or an opening greeting. */
function details(source: string, rng: Rng): { before?: string; after?: string } {
  const p = person(rng);
  if (source === 'governor-hotline' || source === 'call-112') {
    return {
      after: rng.pick([
        ` Заявитель: ${p.surname} ${p.first} ${p.patronymic}, ${flat(rng)}. Контактный телефон: ${phone(rng)}.`,
        ` Контактный телефон заявителя: ${phone(rng)}.`,
        ` Заявитель ${p.surname} ${p.first.charAt(0)}.${p.patronymic.charAt(0)}., тел. ${phone(rng)}.`,
        ` Обратный звонок: ${phone(rng)}, ${p.first} ${p.patronymic}.`,
      ]),
    };
  }
  const social = source === 'incident';
  switch (rng.int(0, 7)) {
    case 0:
      return { after: ` С уважением, ${signedName(p, rng)}.` };
    case 1:
      return { after: ` С уважением, ${signedName(p, rng)}, ${flat(rng)}, тел. ${phone(rng)}` };
    case 2:
      return { after: rng.pick([` Мой телефон ${phone(rng)}.`, ` Контактный телефон: ${phone(rng)}.`]) };
    case 3:
      return social
        ? { after: ` Пишите в личку: t.me/${latin(p.first)}_${latin(p.surname)}${rng.int(60, 99)}` }
        : { after: ` Ответ прошу направить на ${email(p, rng)}.` };
    case 4:
      return { before: `Здравствуйте! Меня зовут ${p.first}, живу в ${flat(rng)}. ` };
    case 5:
      return social
        ? { after: ` Звоните, если что: ${phone(rng)}` }
        : {
            after: ` Лицевой счёт ${rng.int(10, 99)}${digits(rng, 8)}. ${signedName(p, rng)}, ${flat(rng)}.`,
          };
    case 6:
      return { before: `${p.surname} ${p.first} ${p.patronymic}, ${flat(rng)}. ` };
    default:
      return { after: ` Живу в ${flat(rng)}, мой e-mail ${email(p, rng)}.` };
  }
}

/**
 * Adds a resident's contacts or signature to about one message in six; the rest come back unchanged. Draws from
 * `rng` so that a seeded run produces the same texts.
 */
export function addPersonalDetails(text: string, source: string, rng: Rng): string {
  if (!RESIDENT_SOURCES.has(source) || !rng.chance(SHARE)) return text;
  const { before = '', after = '' } = details(source, rng);
  return `${before}${text}${after}`;
}
