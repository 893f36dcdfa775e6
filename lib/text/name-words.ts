/*
 * The word lists the name rules consult: common first names (with their case forms), words that open
 * greetings and sign-offs, the oblast's towns that look like surnames, and the surname endings.
 */

const words = (list: string): string[] => list.trim().split(/\s+/);
export const norm = (word: string): string => word.toLowerCase().replace(/ё/g, 'е');

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
export const isPlace = (word: string): boolean => {
  const n = norm(word);
  return PLACE_WORDS.has(n) || PLACE_STEMS.some((stem) => n.startsWith(stem));
};

const SURNAME_END =
  /(?:[ое]в|[иы]н)(?:а|у|ым|ой|е|ых|ы)?$|(?:ск|цк)(?:ий|ой|ая|ую)$|(?:ых|их|енко|чук|[ую]к|ян|дзе|швили|ич)$/;
export const isSurnameLike = (word: string): boolean => word.length >= 4 && SURNAME_END.test(norm(word));
export const isFirstName = (word: string): boolean => FIRST_NAME_FORMS.has(norm(word));
export const isStop = (word: string): boolean => STOP.has(norm(word));
/** -ович/-евич/-ич and -овна/-евна/-ична in every case, in any letter case: for the lower-case and capitals rules. */
const PATRONYMIC_END = /^[а-я]{2,25}(?:ич(?:а|у|ем|е)?|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою))$/;
export const isPatronymicAnyCase = (word: string): boolean => PATRONYMIC_END.test(norm(word));
