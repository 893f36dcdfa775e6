import { describe, expect, it } from 'vitest';
import { parsePlaceCsv, type PlaceRow, readPlaceRows } from '@/lib/geo/place-csv';
import { createPlaceFinder, loadPlaceFinder, type PlaceMatch } from '@/lib/geo/place-from-text';

const rows = readPlaceRows();
const finder = loadPlaceFinder();

/** The gazetteer row of a place; `okrug` picks one of a name shared by several okrugs. */
function row(name: string, okrug?: string): PlaceRow {
  const found = rows.filter((r) => r.name === name && (!okrug || r.municipality.includes(okrug)));
  if (found.length !== 1) throw new Error(`expected one gazetteer row for ${name} ${okrug ?? ''}`);
  return found[0] as PlaceRow;
}

function expectFound(match: PlaceMatch, place: PlaceRow, matched?: string): void {
  expect(match.kind).toBe('found');
  if (match.kind !== 'found') return;
  expect(match.place).toMatchObject({ name: place.name, oktmo: place.oktmo, kind: place.kind });
  if (matched !== undefined) expect(match.matched).toBe(matched);
}

function candidateKeys(match: PlaceMatch): string[] {
  return match.kind === 'ambiguous' ? match.candidates.map((c) => `${c.name}/${c.oktmo}`).sort() : [];
}

const keysOf = (places: PlaceRow[]) => places.map((p) => `${p.name}/${p.oktmo}`).sort();

describe('places in different cases', () => {
  it.each([
    ['Во дворе в Балашихе третий день не вывозят мусор', 'Балашиха', 'Балашихе'],
    ['Пишу из Подольска: нет горячей воды', 'Подольск', 'Подольска'],
    ['Проехал по Мытищам, везде ямы', 'Мытищи', 'Мытищам'],
    ['В Мытищах не работает светофор', 'Мытищи', 'Мытищах'],
    ['В Королёве на Пионерской улице прорвало трубу', 'Королёв', 'Королёве'],
    ['В Королеве отключили свет', 'Королёв', 'Королеве'],
    ['Пробка за Королёвом на Ярославском шоссе', 'Королёв', 'Королёвом'],
    ['В Сергиевом Посаде не чистят снег', 'Сергиев Посад', 'Сергиевом Посаде'],
    ['Жители Сергиева Посада жалуются на запах', 'Сергиев Посад', 'Сергиева Посада'],
    ['Приехала из Павловского Посада, автобус опоздал', 'Павловский Посад', 'Павловского Посада'],
    ['В Одинцово на остановке нет навеса', 'Одинцово', 'Одинцово'],
    ['В Одинцове на остановке нет навеса', 'Одинцово', 'Одинцове'],
    ['В Электростали дымит завод', 'Электросталь', 'Электростали'],
    ['В Люберцах затопило подвал', 'Люберцы', 'Люберцах'],
    ['Под Истрой горит торфяник', 'Истра', 'Истрой'],
    ['В Орехово-Зуеве не ходит автобус', 'Орехово-Зуево', 'Орехово-Зуеве'],
    ['Автобус в Орехово-Зуево опаздывает', 'Орехово-Зуево', 'Орехово-Зуево'],
    ['В Красногорске сломан лифт', 'Красногорск', 'Красногорске'],
    ['В Щёлково отключили отопление', 'Щёлково', 'Щёлково'],
    ['в Щелково отключили отопление', 'Щёлково', 'Щелково'],
    ['В Дубне закрыли поликлинику', 'Дубна', 'Дубне'],
    ['В Химках шумная стройка ночью', 'Химки', 'Химках'],
    ['В Ивантеевке нет воды', 'Ивантеевка', 'Ивантеевке'],
    ['В Солнечногорске не работает колонка', 'Солнечногорск', 'Солнечногорске'],
    ['г.о. Чехов, ул. Полиграфистов, д. 3: течёт крыша', 'Чехов', 'Чехов'],
    ['Жители Серпухова просят починить мост', 'Серпухов', 'Серпухова'],
    ['Дорогу к Коломне не чистят', 'Коломна', 'Коломне'],
    ['В Лобне нет света', 'Лобня', 'Лобне'],
    ['В Рошале закрыли аптеку', 'Рошаль', 'Рошале'],
    ['Из Видного не уехать утром', 'Видное', 'Видного'],
    ['В Звёздном городке сломан лифт', 'Звёздный городок', 'Звёздном городке'],
    ['В Серебряных Прудах нет газа', 'Серебряные Пруды', 'Серебряных Прудах'],
    ['В Малой Дубне размыло дорогу', 'Малая Дубна', 'Малой Дубне'],
    ['В Старой Купавне не вывозят мусор', 'Старая Купавна', 'Старой Купавне'],
    ['В Ликино-Дулеве закрыли школу', 'Ликино-Дулёво', 'Ликино-Дулеве'],
    ['В Наро-Фоминске нет воды', 'Наро-Фоминск', 'Наро-Фоминске'],
    ['В г.о. Лосино-Петровский не вывозят мусор', 'Лосино-Петровский', 'Лосино-Петровский'],
    ['В Ногинске-9 нет отопления', 'Ногинск-9', 'Ногинске-9'],
    ['Посёлок Заветы Ильича: нет света', 'Заветы Ильича', 'Заветы Ильича'],
    ['В Заветах Ильича нет света', 'Заветы Ильича', 'Заветах Ильича'],
    ['В Горках Ленинских сломан фонарь', 'Горки Ленинские', 'Горках Ленинских'],
    ['У Николиной Горы упало дерево', 'Николина Гора', 'Николиной Горы'],
    ['В Медвежьих Озёрах пропал свет', 'Медвежьи Озёра', 'Медвежьих Озёрах'],
    ['в д. Чашниково разбита дорога', 'Чашниково', 'Чашниково'],
    ['Живём в Железнодорожном, нет воды', 'Железнодорожный', 'Железнодорожном'],
    ['пос. Лесной (Пушкинский г.о.): не ходит автобус', 'Лесной', 'Лесной'],
    ['Деревня Ям, нет газа', 'Ям', 'Ям'],
    ['В Раменском закрыли поликлинику', 'Раменское', 'Раменском'],
  ])('%s', (text, name, matched) => {
    expectFound(finder.find(text), row(name), matched);
  });
});

describe('district adjectives name the okrug', () => {
  it.each([
    ['В Ногинском районе свалка', 'Богородский', 'Ногинском'],
    ['В Одинцовском округе нет освещения', 'Одинцовский', 'Одинцовском'],
    ['Одинцовский округ: нет освещения', 'Одинцовский', 'Одинцовский'],
    ['В Богородском г.о. не убран снег', 'Богородский', 'Богородском'],
    ['В Раменском районе разлив нефти', 'Раменский', 'Раменском'],
    ['Люберецкий район, дорога разбита', 'Люберцы', 'Люберецкий'],
    ['в мытищинском г.о. не вывозят мусор', 'Мытищи', 'мытищинском'],
    ['В Павлово-Посадском округе нет газа', 'Павлово-Посадский', 'Павлово-Посадском'],
  ])('%s', (text, name, matched) => {
    expectFound(finder.find(text), row(name), matched);
  });

  it('needs the district word: «Химкинский суд» is not a place mention', () => {
    expect(finder.find('Химкинский суд вынес решение').kind).toBe('none');
  });
});

describe('ambiguity', () => {
  it.each(['Котельники', 'Верея', 'Марфино', 'Архангельское', 'Сычево', 'Жуковка'])(
    '%s stays ambiguous with every okrug that has it',
    (name) => {
      const all = rows.filter((r) => r.name === name);
      expect(all.length).toBeGreaterThan(1);
      const match = finder.find(`пос. ${name}, у дома яма`);
      expect(match.kind).toBe('ambiguous');
      expect(candidateKeys(match)).toEqual(keysOf(all));
    },
  );

  it('keeps a declined shared name ambiguous too', () => {
    const match = finder.find('В Верее третий день нет воды');
    expect(candidateKeys(match)).toEqual(keysOf(rows.filter((r) => r.name === 'Верея')));
  });

  it('two places in different okrugs are ambiguous with both', () => {
    const match = finder.find('Из Подольска в Чехов не ходит автобус');
    expect(match.kind).toBe('ambiguous');
    expect(candidateKeys(match)).toEqual(keysOf([row('Подольск'), row('Чехов')]));
    if (match.kind === 'ambiguous') expect(match.matched).toBe('Подольска, Чехов');
  });

  it('two places in one okrug give the more specific one', () => {
    expectFound(finder.find('Балашиха, мкр. Купавна: нет воды'), row('Купавна'), 'Купавна');
    expectFound(finder.find('Климовск, г.о. Подольск'), row('Климовск'));
    expectFound(finder.find('Нахабино (Красногорск), сломан лифт'), row('Нахабино'));
    expectFound(finder.find('В Пушкино и Ивантеевке нет воды'), row('Ивантеевка'));
  });

  it('an okrug mentioned with a shared name settles it', () => {
    expectFound(finder.find('д. Жуковка, Пушкинский округ'), row('Жуковка', 'Пушкинский'));
    expectFound(finder.find('Марфино, Одинцовский г.о.'), row('Марфино', 'Одинцовский'));
  });

  it('«г.о. Котельники» is the okrug, not the settlement of the same name', () => {
    expectFound(finder.find('г.о. Котельники, нет воды'), row('Котельники', 'Городской округ Котельники'));
  });

  it('a shared adjective form of two names stays ambiguous («Ильинском»)', () => {
    const match = finder.find('В Ильинском нет воды');
    expect(candidateKeys(match)).toEqual(keysOf([row('Ильинский'), row('Ильинское')]));
  });
});

describe('texts without a place', () => {
  it.each([
    'мир во всём мире, заря над лесом, лесной воздух',
    'Яма на дороге, много ям, машина попала в яму',
    'В ЯМЕ на дороге застряла машина',
    'Москва, Тверская улица, нет воды',
    'Москва, район Измайлово, сломан лифт',
    'Орехово-Борисово: сломан лифт',
    'улица Чехова, дом 5, памятник Королёву испачкан',
    'На Ленинском проспекте пробка, по Дмитровскому шоссе тоже',
    'Октябрьский район, нет воды',
    'мкр Северный, д. 5: течёт крыша',
    'на развилке дорог видное место, клин клином вышибают',
    'Кузнецова Анна Петровна, Королёва Мария',
    'дружба народов, новое село строится',
    'В Архангельском соборе идёт служба',
    'Озёр в области много',
    '',
  ])('%j', (text) => {
    expect(finder.find(text)).toEqual({ kind: 'none' });
  });
});

describe('writing and punctuation', () => {
  it.each([
    ['«Балашиха»: нет воды!', 'Балашиха', 'Балашиха'],
    ['(Химки) сломан светофор', 'Химки', 'Химки'],
    ['г.Подольск,ул.Ленина,д.5', 'Подольск', 'Подольск'],
    ['В БАЛАШИХЕ НЕТ ВОДЫ', 'Балашиха', 'БАЛАШИХЕ'],
    ['живу в балашихе, нет воды', 'Балашиха', 'балашихе'],
    ['Электросталь.Нет воды', 'Электросталь', 'Электросталь'],
    ['Сергиев-Посад, нет воды', 'Сергиев Посад', 'Сергиев-Посад'],
  ])('%s', (text, name, matched) => {
    expectFound(finder.find(text), row(name), matched);
  });

  it('finds every gazetteer name in its nominative after «пос.»', () => {
    const missed = rows.filter((r) => {
      const match = finder.find(`Адрес: пос. ${r.name}, ул. Ленина, д. 5. Нет воды.`);
      if (match.kind === 'found') return match.place.oktmo !== r.oktmo || match.place.name !== r.name;
      if (match.kind !== 'ambiguous') return true;
      return !match.candidates.some((c) => c.oktmo === r.oktmo && c.name === r.name);
    });
    expect(missed.map((r) => r.name)).toEqual([]);
  });
});

describe('gazetteer parsing and speed', () => {
  it('parses quoted fields and builds a finder from any rows', () => {
    const csv =
      'name,name_norm,kind,municipality,oktmo,lon,lat,population,source\r\n' +
      '"Посёлок «Тест, он же ""Т""»",поселок тест,settlement,"Округ, тестовый",46000000001,37.5,55.5,,test\r\n' +
      'Тестовка,тестовка,city,"Округ, тестовый",46000000001,37.6,55.6,1200,test\r\n';
    const parsed = parsePlaceCsv(csv);
    expect(parsed[0]).toMatchObject({ name: 'Посёлок «Тест, он же "Т"»', municipality: 'Округ, тестовый' });
    expect(parsed[1]).toMatchObject({ population: 1200, lon: 37.6, kind: 'city' });
    expectFound(createPlaceFinder(parsed).find('Пишу из Тестовки'), parsed[1] as PlaceRow, 'Тестовки');
  });

  it('rejects a malformed gazetteer row', () => {
    const header = 'name,name_norm,kind,municipality,oktmo,lon,lat,population,source\n';
    expect(() => parsePlaceCsv(`${header}Х,х,village,М,46000000001,1,2,,s\n`)).toThrow(/unknown kind/);
    expect(() => parsePlaceCsv(`${header}Х,х,city,М,460,1,2,,s\n`)).toThrow(/bad oktmo/);
  });

  it('builds quickly and scans a 300-character message in well under a millisecond', () => {
    const started = performance.now();
    const fresh = createPlaceFinder(rows);
    expect(performance.now() - started).toBeLessThan(1500);
    const text = (
      'Третий день нет горячей воды, управляющая компания трубку не берёт. Пишу из Подольска, ' +
      'ул. Ленина, д. 5. Прошу разобраться и сделать перерасчёт. '
    )
      .repeat(3)
      .slice(0, 300);
    for (let i = 0; i < 200; i++) fresh.find(text);
    const runs = 2000;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) fresh.find(text);
    // The budget is 0.2 ms; a loaded CI machine gets slack, a regression to quadratic scanning does not.
    expect((performance.now() - t0) / runs).toBeLessThan(1);
  });
});
