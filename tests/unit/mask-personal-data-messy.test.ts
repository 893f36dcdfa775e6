import { describe, it, expect } from 'vitest';
import { luhnValid, snilsValid } from '../../lib/text/check-digits';
import { excerptOf, maskPersonalData } from '../../lib/text/mask-personal-data';

/*
 * Long texts as residents really send them: no punctuation, caps lock, Latin letters in Russian words, contacts
 * spelt out. Each lists what must disappear and what must survive (the street, the house, the event's date,
 * the route, the sum), rather than one exact output, so a better rule elsewhere does not break them.
 */
interface Messy {
  text: string;
  hidden: string[];
  kept: string[];
}

const MESSY: Messy[] = [
  {
    text: 'здравствуйте пишу уже третий раз!!! в доме 14 по ул лесная (балашиха) 12 марта прорвало трубу в подвале воды нет до сих пор УК молчит. иванов иван иванович кв 45 тел 8 916 123 45 67 или пишите ivanov собака mail точка ru',
    hidden: ['иванов', 'иван иванович', '45 тел', '916', 'ivanov', 'mail точка'],
    kept: ['ул лесная', 'доме 14', '12 марта прорвало трубу', 'балашиха', 'кв [№]', 'тел [телефон]'],
  },
  {
    text: 'ОБРАЩАЮСЬ ПОВТОРНО!!! АВТОБУС 338 С ОСТАНОВКИ ПЛАТФОРМА В 7:40 НЕ ПРИШЕЛ, ОПОЗДАЛА НА РАБОТУ. ПЕТРОВА М.И. ТЕЛ 512-34-56 ДОМ 12, КОРП. 2, КВ. 15',
    hidden: ['ПЕТРОВА', '512-34-56', 'КВ. 15'],
    kept: ['АВТОБУС 338', '7:40', 'ДОМ 12, КОРП. 2, КВ. [№]', 'ТЕЛ [телефон]'],
  },
  {
    text: 'добрый день. у нас в подъезде не убирают с января, управляющая компания "жилкомфорт" присылает квитанции на 4 500 руб. мой лицевой счёт 123456789 паспорт 4512 345678 если нужно. звоните +7 9161 23 45 67 или по номеру 51 23 45. петрова мария ивановна',
    hidden: ['123456789', '4512', '345678', '9161', '51 23 45', 'петрова', 'мария ивановна'],
    kept: ['4 500 руб', 'с января', 'жилкомфорт', 'лицевой счёт [номер]', 'паспорт [номер]'],
  },
  {
    text: 'Мой отец 1948 г.р., инвалид, д.р. 03.11.1948, СНИЛС 11223344595, живет в Коломне ул Октябрьской революции д 5 кв 7 третий день без отопления, на улице минус 20. кадастровый номер квартиры 50:57:0010203:45, договор соцнайма № 123456789012',
    hidden: ['1948 г.р.', '03.11.1948', '11223344595', 'кв 7'],
    kept: [
      'ул Октябрьской революции д 5',
      'минус 20',
      '50:57:0010203:45',
      '123456789012',
      '[дата] г.р.',
      'д.р. [дата]',
    ],
  },
  {
    text: 'с карты 4111 1111 1111 1111 списали оплату за проезд дважды, номер транзакции 4111111111111112, в приложении пишут обращаться в банк. Ответ прошу на petrov (at) yandex (dot) ru или на r.sidorov@mail.ru. тел.: 8-916-123-45-67',
    hidden: ['4111 1111 1111 1111', 'petrov', 'yandex', 'sidorov', '123-45-67'],
    kept: ['4111111111111112', 'списали оплату за проезд дважды', 'тел.: [телефон]'],
  },
  {
    text: 'Уважаемые! Mне 82 года, живу одна, Тeл. 5123456 (латиница в словах: так печатает внук). Дата рождения 12 марта 1941. Счет 40817810099991234567 в сбере, туда приходит субсидия. Ул. Гагарина д 8 кв 112. МЕНЯ ЗОВУТ ТАТЬЯНА ПЕТРОВНА',
    hidden: ['5123456', '12 марта 1941', '40817810099991234567', 'кв 112', 'ТАТЬЯНА', 'ПЕТРОВНА'],
    kept: ['82 года', 'Ул. Гагарина д 8', 'Дата рождения [дата]', 'МЕНЯ ЗОВУТ [имя]'],
  },
  {
    text: 'ОКТМО 46704000000, ОГРН 1027700132195, маршрут 9К, 12.05.2025 в 18:30 на пересечении Ленина и Мира яма глубиной 30 см, сумма ремонта колеса 12 345 руб. Жители дома 5 и 7.',
    hidden: [],
    kept: [
      '46704000000',
      '1027700132195',
      '9К',
      '12.05.2025 в 18:30',
      'Ленина и Мира',
      '30 см',
      '12 345 руб',
      'дома 5 и 7',
    ],
  },
];

describe('maskPersonalData on messy texts', () => {
  it.each(MESSY)('$text', ({ text, hidden, kept }) => {
    const masked = maskPersonalData(text);
    for (const h of hidden) expect(masked, masked).not.toContain(h);
    for (const k of kept) expect(masked, masked).toContain(k);
    expect(maskPersonalData(masked)).toBe(masked);
  });

  it('catches phones in every grouping, local numbers after a cue', () => {
    const phones = [
      '+7 916 12 345 67',
      '+7 9161 23 45 67',
      '8 (916) 123-45-67',
      '8-916-123-45-67',
      'тел. 5123456',
      'тел: 512345',
      'телефон 51-23-45',
      'по номеру 512 34 56',
      'звоните 5123456',
    ];
    for (const p of phones) expect(maskPersonalData(`Нет воды ${p} сегодня`), p).not.toMatch(/\d/);
  });

  it('catches spelt-out e-mails but not a dog in the yard', () => {
    for (const e of [
      'ivanov(at)mail.ru',
      'ivanov [at] mail [dot] ru',
      'ivanov at mail.ru',
      'ivanov собака mail точка ru',
      'ivanov собачка yandex.ru',
    ])
      expect(maskPersonalData(`пишите ${e} спасибо`), e).toBe('пишите [e-mail] спасибо');
    const dog = 'во дворе злая собака кусает детей, бегает без поводка у дома 3.';
    expect(maskPersonalData(dog)).toBe(dog);
  });

  it('hides passports, СНИЛС, cards and accounts, and leaves other long numbers', () => {
    const cases: [string, string][] = [
      ['серия 45 12 номер 345678', '[номер]'],
      ['паспорт 4512 345678', 'паспорт [номер]'],
      ['снилс 123-456-789 01', 'снилс [номер]'],
      ['СНИЛС 12345678901', 'СНИЛС [номер]'],
      ['р/с 40817810099991234567', 'р/с [номер]'],
      ['л/с 1234567', 'л/с [номер]'],
      ['карта 2202 2012 3456 7890', 'карта [номер]'],
      ['4111-1111-1111-1111', '[номер]'],
      ['договор 123456789012345', 'договор 123456789012345'],
      ['заявка № 123456789012', 'заявка № 123456789012'],
    ];
    for (const [input, expected] of cases) expect(maskPersonalData(input), input).toBe(expected);
  });

  it('check digits: Luhn and the СНИЛС control number', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(snilsValid('11223344595')).toBe(true);
    expect(snilsValid('11223344596')).toBe(false);
  });
});

/*
 * Inputs that made the old rules backtrack (a long run without the '@' the e-mail rule waited for) or that
 * could make any rule re-read the text from every position. The figures are in the bench (phase masker);
 * here each must come out right, and a text of such runs must mask as its pieces do one by one, which a rule
 * whose matches reach across the whole text would not.
 */
const ADVERSARIAL: Record<string, string> = {
  letters: 'а'.repeat(4000),
  latin: 'a'.repeat(4000),
  dotted: 'ab.'.repeat(1333),
  digits: '1'.repeat(4000),
  spacedDigits: '1 '.repeat(2000),
  hyphens: 'a-'.repeat(2000),
  ats: '@'.repeat(4000),
  nearPhones: '8 916 123 45 '.repeat(300),
  spacedAt: 'x at '.repeat(800),
  surnames: 'Иванов '.repeat(570),
  initials: 'А.'.repeat(2000),
};

describe('maskPersonalData on adversarial inputs', () => {
  it.each(Object.entries(ADVERSARIAL))('%s stays as long runs of itself', (_name, text) => {
    const masked = maskPersonalData(text);
    expect(masked.length).toBeLessThanOrEqual(text.length + 16);
    expect(excerptOf(text).length).toBeLessThanOrEqual(160);
  });

  it('finds an e-mail at the end of a 4,000-letter word and a phone after 4,000 digits', () => {
    expect(maskPersonalData(`${'а'.repeat(4000)} ivanov@mail.ru`)).toBe(`${'а'.repeat(4000)} [e-mail]`);
    expect(maskPersonalData(`${'1'.repeat(4000)} тел. 89161234567`)).toBe(
      `${'1'.repeat(4000)} тел. [телефон]`,
    );
  });

  it('masks a text of repeated pieces as it masks one piece', () => {
    const piece = 'Иван Иванович Иванов тел. 89161234567 ivanov@mail.ru кв. 5. ';
    const one = maskPersonalData(piece);
    expect(maskPersonalData(piece.repeat(60))).toBe(one.repeat(60));
  });
});
