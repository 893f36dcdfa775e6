import type { PlaceRow } from './place-csv';
import type { SurfaceForm } from './place-forms';
import { nameWords } from './place-forms';
import { isAdjectiveWord, SURNAME_MASCULINE, SURNAME_NEUTER } from './place-paradigms';
import { phraseSet } from './place-tokens';

/** What the text around a surface form must show before the form counts as a mention of the place. */
export interface FormRules {
  /** The first letter is upper case («Клин», not «клин»). */
  capital: boolean;
  /** Capitalised and not all caps: shouted text («В ЯМЕ») is not trusted for common-word names. */
  titleCase: boolean;
  /** A cue word right before: «в», «из», «под», «пос.», «д.», «г.о.», «жители» … */
  cue: boolean;
  /** «мкр.» is no cue: «мкр. Северный» is a district of any town, not the village Северный. */
  microdistrictNoCue: boolean;
  /** Only before «район»/«округ»: the district adjectives of a town («в Ногинском районе»). */
  districtOnly: boolean;
  /**
   * The adjective name of a village: never before «район/округ» («Октябрьский район» is some city's district)
   * nor before «парк», «собор», «кладбище» («в Архангельском соборе», «Ильинский парк»).
   */
  minorAdjective: boolean;
  /** The form is an adjective, so «… шоссе», «… проспект» after it make it a street name. */
  adjective: boolean;
  /** A declined adjective or surname-like form: a house number after it makes it a street («Володарского 14»). */
  streetLike: boolean;
  /** The name is common all over Russia: alone it only suggests the place (see NAMESAKE_NAMES). */
  namesake: boolean;
}

/**
 * Names that are everyday words, or street and district names in every town, even when capitalised:
 * «Дружба», «Пески», «Ям» («яма»), «Лесной», «Северный», «Новое». Besides a capital letter they need a cue
 * word. Мир, Луч, Горки, Дубки are not in today's gazetteer but are kept so that a richer gazetteer does not
 * start matching «мир» and «горки».
 */
const CUE_NAMES = phraseSet(`
  заря, дружба, пески, ям, лоза, здравница, гидроузел, автополигон, каменка, рыбхоз, родники, ложки,
  пешки, снегири, развилка, заречье, восход, мир, луч, горки, дубки, лесной, октябрьский, северный,
  юбилейный, молодежный, железнодорожный, удельная, пролетарский, радужный, первомайский,
  фосфоритный, столбовая, луговая, петровская, новое, красное, черное, рыбное, троицкое,
  зеленоградский
`);

/** Names that are also common words or surnames in lower case, but fine when capitalised. */
const CAPITAL_NAMES = phraseSet(`
  клин, видное, озеры, малино, рождествено, ожерелье, гжель, сходня, семхоз, котельники,
  электросталь, жаворонки, речицы, подосинки, пересвет, новый быт, новое село, лесной городок,
  лесные поляны, белые столбы, красный ткач, красная пойма, заветы ильича, вождь пролетариата,
  медвежьи озера, шарапова охота, николина гора, горки вторые, горки ленинские, новая купавна,
  старая купавна, малая дубна, новый милет, дзержинский, жуковский
`);

/** Adjective names that are also surnames: «ул. Дзержинского», «Жуковского» need a cue when declined. */
const SURNAME_NAMES = new Set(['дзержинский', 'жуковский']);

/**
 * Single forms that are everyday words even capitalised at the start of a sentence («Яма на дороге»,
 * «Малину собрали», «Озёр много»): they always need a cue word, whatever their name's class.
 */
export const STOP_FORMS = phraseSet(`
  яма, яме, яму, ямом, малина, малине, малину, малином, озер, озерам, озерами, озерах, клина, клину,
  клином, клине, королева, королеве, королеву, горок, горках, песков, ложек, пешек, снегирей, дружбе,
  дружбу, дружбы, зари, заре, зарю, зарей
`);

/**
 * Names that villages, settlements and town districts carry all over Russia: Soviet names («Октябрьский»,
 * «Первомайский», «Пролетарский»), church names («Никольское», «Троицкое», «Ильинское»), and everyday words
 * («Северный», «Лесной», «Заречье»), plus the Moscow Oblast places named like a town of another region
 * (Радужный, Лесной, Краснознаменск, Красноармейск, Каменка, Рыбное, Родники, Ермолино, Жуковка).
 *
 * The rule: such a name alone («пос. Северный, не ходит автобус») is a possibility, not a finding, and the
 * finder answers `ambiguous` with it as the candidate for the operator to confirm. It counts as found only
 * with support in the same text: the home region named («Московская обл.», «Подмосковье»), a postcode
 * 140000–144999, coordinates inside the oblast, another place of the same okrug («пос. Северный, Талдомский
 * г.о.»), or a second namesake of the same okrug. Next to a place named without doubt, a namesake of another
 * okrug is dropped: it is most likely a street, a district or a shop of that town.
 */
const NAMESAKE_NAMES = phraseSet(`
  северный, октябрьский, первомайский, пролетарский, юбилейный, лесной, радужный, молодежный, восход,
  заря, дружба, заречье, удельная, луговая, петровская, столбовая, новое, красное, черное, новый быт,
  новое село, андреевское, андреевка, богородское, троицкое, ильинское, ильинский, никольское,
  ново-никольское, архангельское, рождествено, константиново, дмитровское, новопетровское,
  новоивановское, марфино, малино, пески, родники, ложки, снегири, каменка, рыбное, ермолино, жуковка,
  краснознаменск, красноармейск, володарский, чкаловский, свердловский, некрасовский, развилка, попово,
  борисово, кузнецово, игнатово, пирогово, виноградово, юрово, малышево, костино, горки вторые, восход
`);

/**
 * Okrugs named like a city district all over Russia: «Ленинский район» is Omsk's as much as ours, so with
 * «район» (not «городской округ», «г.о.») they are namesakes too.
 */
export const DISTRICT_NAMESAKES = phraseSet('ленинский, дзержинский, пушкинский, красногорский');

const NO_RULES: FormRules = {
  capital: false,
  titleCase: false,
  cue: false,
  microdistrictNoCue: false,
  districtOnly: false,
  minorAdjective: false,
  adjective: false,
  streetLike: false,
  namesake: false,
};

/** The rules for one surface form of one gazetteer row. */
export function formRules(row: PlaceRow, form: SurfaceForm): FormRules {
  const words = nameWords(row.nameNorm);
  const name = words.join(' ');
  const single = words.length === 1 && !name.includes('-');
  const lastWord = (words.at(-1) ?? '').split('-').at(-1) ?? '';
  const adjective = isAdjectiveWord(lastWord);
  const minorPlace = row.kind === 'settlement' || row.kind === 'city_part';
  const commonWord = CUE_NAMES.has(name) || STOP_FORMS.has(form.key);
  // Other one-word adjective villages («Некрасовский», «Ильинское») are adjectives of proper names.
  const properAdjective = single && adjective && minorPlace;
  const surnameShaped = single && !adjective && (SURNAME_NEUTER.test(name) || SURNAME_MASCULINE.test(name));
  const surnameLike = form.oblique && (surnameShaped || SURNAME_NAMES.has(name));
  // Municipality adjectives («Ленинский», «Пушкинский») are capitalised unless «… район/округ» follows.
  const municipalityAdjective = row.kind === 'municipality' && adjective;
  return {
    ...NO_RULES,
    capital: commonWord || surnameLike || properAdjective || CAPITAL_NAMES.has(name) || municipalityAdjective,
    titleCase: commonWord,
    cue: commonWord || surnameLike,
    microdistrictNoCue: commonWord && row.kind !== 'city_part',
    minorAdjective: adjective && row.kind !== 'municipality',
    adjective,
    streetLike: form.oblique && (adjective || surnameShaped),
    namesake: NAMESAKE_NAMES.has(name),
  };
}

/** The rules for «Ногинский/Мытищинский …» district adjectives, which mean the municipality only before «район». */
export function districtAdjectiveRules(): FormRules {
  return { ...NO_RULES, districtOnly: true, adjective: true };
}
