import { phraseSet, type TextToken } from './place-tokens';

/**
 * Words after which a name is an organisation's, not a place: «ООО Истра», «ТЦ „Октябрьский“», «кафе
 * «Лобня»». A town's name is a favourite brand, so the name right after them is never a mention.
 */
const LEGAL_FORMS = phraseSet(`
  ооо, оао, зао, пао, ао, нао, ип, муп, гуп, фгуп, мку, мбу, гбу, гку, мбоу, гбоу, маоу, мадоу, мбдоу, нко,
  ано, тсж, тсн, снт, днт, дпк, жк, жск, гск, тц, трц, тк, трк, бц, ук, чоп, фк, хк
`);

/**
 * Nouns that name an organisation only with a quoted name after them: «кафе «Лобня»», but «компании
 * Подольска» is a company of the town.
 */
const ORGANISATION_NOUNS = phraseSet(`
  компания, компании,
  компанию, фирма, фирмы, фирму, предприятие, предприятия, организация, организации, магазин, магазина,
  магазине, супермаркет, гипермаркет, кафе, ресторан, ресторана, ресторане, бар, бара, столовая, отель,
  отеля, гостиница, гостиницы, гостинице, салон, салона, клуб, клуба, аптека, аптеки, аптеке, банк, банка,
  завод, завода, заводе, комбинат, фабрика, фабрики, холдинг, агентство, бренд, марки, торговый, торговом,
  торгового, жилой, жилом, комплекс, комплекса, комплексе, застройщик, застройщика, подрядчик, подрядчика,
  перевозчик, перевозчика, стадион, кинотеатр, кинотеатра, санаторий, санатория, пансионат, лагерь, лагеря,
  спорткомплекс, фитнес, клуб, клуба, студия, студии, мфц, поезд, поезда, электричка, автобус, бренд
`);

/** Nouns for people: the capitalised word after them is a surname («депутат Королёв», «врача Серпухова»). */
const PERSON_WORDS = phraseSet(`
  гражданин, гражданина, гражданка, гражданки, господин, госпожа, тов, товарищ, депутат, депутата,
  депутату, директор, директора, директору, врач, врача, врачу, участковый, участкового, учитель,
  учителя, учительница, председатель, председателя, фамилия, фамилии, семья, семьи, семью, сосед,
  соседа, соседка, соседки, мастер, мастера, инспектор, инспектора, заявитель, заявительница,
  пенсионер, пенсионерка, ветеран, ветерана, начальник, начальника, сотрудник, сотрудника, старший,
  водитель, водителя, кондуктор, фельдшер, фельдшера, генерал, генерала, маршал, маршала, академик,
  академика, писатель, писателя, поэт, поэта
`);

/**
 * Common given names, in the forms that stand next to a surname («Иван Королёв», «Анны Серпуховой»). Not
 * exhaustive: a patronymic or initials catch the rest.
 */
const GIVEN_NAMES = phraseSet(`
  александр, александра, алексей, алексея, анатолий, андрей, андрея, антон, аркадий, артем, борис, бориса,
  вадим, валентин, валерий, василий, василия, виктор, виктора, виталий, владимир, владимира, владислав,
  вячеслав, геннадий, георгий, григорий, дмитрий, дмитрия, евгений, евгения, егор, иван, ивана, игорь,
  игоря, илья, кирилл, константин, леонид, максим, михаил, михаила, никита, николай, николая, олег, олега,
  павел, павла, петр, петра, роман, романа, руслан, сергей, сергея, станислав, степан, тимур, федор, юрий,
  юрия, ярослав, алла, алина, анастасия, ангелина, анна, анны, валентина, валентины, вера, веры,
  виктория, галина, галины, дарья, екатерина, екатерины, елена, елены, зинаида, ирина, ирины, карина,
  кристина, ксения, лариса, ларисы, любовь, людмила, людмилы, маргарита, марина, марины, мария, марии,
  надежда, надежды, наталья, натальи, нина, нины, оксана, ольга, ольги, полина, раиса, светлана,
  светланы, софья, тамара, тамары, татьяна, татьяны, юлия, юлии
`);

/** «в Подольске Мария Ивановна упала»: after these the capitalised word is the place, whoever follows. */
const PLACE_PREPOSITIONS = phraseSet(
  'в, во, из, под, около, возле, близ, у, до, от, за, г, город, пос, д, с',
);

/** Capital letters with a dot that are place abbreviations, not initials: «Г. Подольск», «С. Никольское». */
const ABBREVIATION_LETTERS = new Set(['г', 'п', 'с', 'д', 'м', 'х', 'ж']);

const PATRONYMIC = /^\p{L}{3,}(ович|евич|ич|овна|евна|ична|инична)$/u;

const OPENING_QUOTE = /[«"„“']/;
const CLOSING_QUOTE = /[»"“”']/;

/** The longest organisation name a guard swallows: a quoted name is rarely longer. */
const MAX_NAME_TOKENS = 6;

function isInitial(token: TextToken | undefined, next: TextToken | undefined): boolean {
  return (
    token !== undefined &&
    token.capital &&
    token.norm.length === 1 &&
    // «Н. И. Петрова», «Петрова Н.И.», but not «Петрова Н. И., Курская область»: a comma ends the name.
    /^\.\s*$/.test(next?.sepBefore ?? '')
  );
}

function isPersonName(token: TextToken | undefined): boolean {
  return token !== undefined && token.capital && (GIVEN_NAMES.has(token.norm) || PATRONYMIC.test(token.norm));
}

/** Blocks the quoted name opened right before token `start`, or else the capitalised words from `start`. */
function blockName(tokens: readonly TextToken[], start: number, blocked: Uint8Array): void {
  const first = tokens[start];
  if (!first) return;
  if (OPENING_QUOTE.test(first.sepBefore)) {
    for (let k = start; k < Math.min(tokens.length, start + MAX_NAME_TOKENS); k++) {
      blocked[k] = 1;
      if (CLOSING_QUOTE.test(tokens[k + 1]?.sepBefore ?? '"')) return;
    }
    return;
  }
  for (let k = start; k < Math.min(tokens.length, start + 3); k++) {
    const token = tokens[k];
    if (!token?.capital || (k > start && !/^[\s-]+$/.test(token.sepBefore))) return;
    blocked[k] = 1;
  }
}

/**
 * Tokens that belong to a name which is not a place: an organisation («ООО „Истра“», «ТЦ Октябрьский»), or
 * a person (a surname next to a given name, a patronymic or initials: «Королёв А. В.», «Серпухова Петра
 * Ивановича», «депутат Королёв»). One pass over the tokens.
 */
export function nonPlaceTokens(tokens: readonly TextToken[]): Uint8Array {
  const blocked = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const next = tokens[i + 1];
    const sameClause =
      next !== undefined && !/[.,;:!?\n()]/.test(next.sepBefore.replace(/[«"„“'»”\s-]/g, ''));
    if (sameClause) {
      const quoted = OPENING_QUOTE.test(next.sepBefore);
      const named = LEGAL_FORMS.has(token.norm) || PERSON_WORDS.has(token.norm);
      // «магазин в Истре» is a shop in a town: a preposition after the word ends the name.
      if ((named && (quoted || next.capital)) || (quoted && ORGANISATION_NOUNS.has(token.norm)))
        blockName(tokens, i + 1, blocked);
    }
    if (!token.capital) continue;
    // A surname before or after a given name or patronymic, or before/after initials.
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const tight = (t: TextToken | undefined) => t !== undefined && /^\s+$/.test(t.sepBefore);
    const person =
      (isPersonName(after) && tight(after) && !PLACE_PREPOSITIONS.has(before?.norm ?? '')) ||
      (isPersonName(before) && tight(token)) ||
      (isInitial(after, tokens[i + 2]) && tight(after)) ||
      (isInitial(before, token) && !ABBREVIATION_LETTERS.has(before?.norm ?? ''));
    if (person && !isPersonName(token)) blocked[i] = 1;
  }
  return blocked;
}
