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

const NO_RULES: FormRules = {
  capital: false,
  titleCase: false,
  cue: false,
  microdistrictNoCue: false,
  districtOnly: false,
  minorAdjective: false,
  adjective: false,
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
  const surnameLike =
    form.oblique &&
    ((single && !adjective && (SURNAME_NEUTER.test(name) || SURNAME_MASCULINE.test(name))) ||
      SURNAME_NAMES.has(name));
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
  };
}

/** The rules for «Ногинский/Мытищинский …» district adjectives, which mean the municipality only before «район». */
export function districtAdjectiveRules(): FormRules {
  return { ...NO_RULES, districtOnly: true, adjective: true };
}
