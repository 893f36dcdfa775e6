/**
 * Resident-style Russian texts: the simulator's per-category templates (written as people write on Добродел),
 * filled with a town, a street and a house. Kept separate from the simulator's own renderer so that the bench
 * only depends on the templates, which are data.
 */

const STREETS = [
  'ул. Ленина',
  'ул. Советская',
  'ул. Мира',
  'ул. Садовая',
  'ул. Школьная',
  'ул. Гагарина',
  'ул. Молодёжная',
  'ул. Центральная',
  'ул. Строителей',
  'ул. Железнодорожная',
  'ул. Парковая',
  'Октябрьский пр-т',
  'Комсомольский пр-т',
  'ш. Энтузиастов',
];

const CLOSERS = [
  '',
  ' Прошу принять меры.',
  ' Прошу дать ответ в установленный срок.',
  ' Фото прилагаю. Обращаюсь не в первый раз, ответа от управляющей компании так и нет.',
  ' Просим разобраться и сообщить о результатах. Жители дома готовы подписать коллективное обращение.',
];

const FALLBACK =
  '{town}, {addr}. Обращаюсь по проблеме, которая не решается уже {days}. Управляющая компания и администрация не реагируют, звонки остаются без ответа.';

const plural = (n: number, forms: [string, string, string]) => {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return forms[0];
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return forms[1];
  return forms[2];
};

export function renderText(
  templates: readonly string[] | undefined,
  town: string,
  rnd: () => number,
): string {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const street = pick(STREETS);
  const house = String(int(1, 120));
  const counted = (lo: number, hi: number, forms: [string, string, string]) => {
    const n = int(lo, hi);
    return `${n} ${plural(n, forms)}`;
  };
  const body = (templates && templates.length > 0 ? pick(templates) : FALLBACK).replace(
    /\{(\w+)\}/g,
    (_whole, key: string) => {
      switch (key) {
        case 'town':
          return town;
        case 'street':
          return street;
        case 'house':
          return house;
        case 'addr':
          return `${street}, д. ${house}`;
        case 'entr':
          return String(int(1, 8));
        case 'floor':
          return String(int(5, 17));
        case 'route':
          return String(int(2, 462));
        case 'days':
          return counted(2, 12, ['день', 'дня', 'дней']);
        case 'weeks':
          return counted(2, 6, ['неделю', 'недели', 'недель']);
        case 'months':
          return counted(2, 11, ['месяц', 'месяца', 'месяцев']);
        case 'hours':
          return counted(2, 9, ['час', 'часа', 'часов']);
        default:
          return town;
      }
    },
  );
  // Templates run 80–200 characters; a closer brings the mix to the 100–300 of real messages.
  return body + pick(CLOSERS);
}
