import { phraseSet, type TextToken } from './place-tokens';

/**
 * Words right before a place that show a place follows: prepositions of place and direction, settlement
 * types and their abbreviations, and nouns that govern a town name in the genitive («жители Серпухова»).
 */
const CUES = phraseSet(`
  в, во, из, изо, по, под, подо, у, около, возле, близ, вблизи, до, от, за, через, над, между, к, ко,
  г, гор, город, города, городе, городу, городом, пос, п, поселок, поселка, поселке, поселку,
  поселком, пгт, рп, дп, кп, село, села, селе, селу, селом, с, д, дер, деревня, деревни, деревне,
  деревню, деревней, мкр, мкрн, микрорайон, микрорайона, микрорайоне, микрорайону, микрорайоном, го,
  округ, округа, округе, округу, округом, район, района, районе, зато, ст, станция, станции,
  платформа, платформы, платформе, жители, жителей, жителям, житель, жительница, администрация,
  администрации, глава, главы, мэр, мэрия, мэрии, центр, центре, центра, окраина, окраине, окраины,
  окрестности, окрестностях, пригород, пригороде, территория, территории
`);

/** Town districts: «мкр. Северный» is a district of some town far more often than the village Северный. */
const MICRODISTRICT_CUES = phraseSet(`
  мкр, мкрн, микрорайон, микрорайона, микрорайоне, микрорайону, микрорайоном
`);

/** One-letter cues that are other words without their dot: «с.» (село) vs «с», «д.» (деревня) vs «д». */
const CUES_NEEDING_DOT = new Set(['с', 'д', 'п']);

/** Words that may stand between a cue and the name: «в нашем Лесном», «в соседней Дружбе». */
const FILLERS = phraseSet(`
  наш, наша, нашем, нашей, нашего, нашу, самом, самой, самого, самый, родном, родной, родного,
  соседнем, соседней, соседнего, этом, этой, том, той
`);

/** Abbreviations whose dot does not end the sentence. */
const ABBREVIATIONS = phraseSet(`
  г, гор, пос, п, д, дер, с, мкр, мкрн, ст, пл, ул, пр, прт, просп, пер, обл, го, рн, пгт, рп, кп,
  дп, мо, мр, ш, наб, б, бр, им, тер, зато, м
`);

/** Before a name these make it a street, a memorial or a person: «ул. Чехова», «им. Королёва». */
const STREET_BEFORE = phraseSet(`
  ул, улица, улицы, улице, улицу, улицей, пр, прт, просп, проспект, проспекта, проспекте, пер,
  переулок, переулка, переулке, б, бр, бульвар, бульвара, бульваре, ш, шоссе, наб, набережная,
  набережной, пл, площадь, площади, проезд, проезда, проезде, аллея, аллеи, тупик, им, имени,
  памятник, памятника, памятнику, метро
`);

/** After an adjective these make it a street or an institution: «Ленинский проспект», «Щёлковское шоссе». */
const STREET_AFTER = phraseSet(`
  ул, улица, улице, улицы, улицу, проспект, проспекта, проспекте, пр, прт, просп, шоссе, ш, переулок,
  переулке, переулка, пер, бульвар, бульваре, бр, проезд, проезде, площадь, площади, набережная,
  набережной, тупик, аллея, тракт, мост, моста, мосту, музей, музея, музее, вокзал, вокзала, вокзале
`);

/** After an adjective village name these make it the name of an object: «Ильинский парк», «Троицкое кладбище». */
const OBJECT_AFTER = phraseSet(`
  парк, парке, парка, сквер, сквере, рынок, рынке, храм, храме, храма, собор, соборе, собора,
  монастырь, монастыре, кладбище, кладбища, кладбищем, пруд, пруду, пруда, лес, лесу, карьер,
  карьере, завод, заводе, завода, комбинат, комбинате, суд, суде, суда, лицей, лицее, водохранилище,
  водохранилища, водохранилищем
`);

/** After a name these say it is the okrug: «Ногинский район», «Одинцовском г.о.», «Чехов городской округ». */
const DISTRICT_AFTER = phraseSet(`
  район, района, районе, району, районом, рн, округ, округа, округе, округу, округом, го, городской,
  городского, городском, городскому, городским, муниципальный, муниципального, муниципальном, мо, мр,
  ао, административный, административного, административном
`);

/** District words that are a city's district as often as our okrug: «Ленинский район» (see DISTRICT_NAMESAKES). */
const RAION_AFTER = phraseSet(`
  район, района, районе, району, районом, рн, ао, административный, административного, административном
`);

/** After a declined name these make it a street address: «Володарского 14», «Жуковского, д. 3». */
const HOUSE_AFTER = phraseSet('д, дом, дома, корп, стр, вл');

/** Right before a name these say the okrug is meant: «г.о. Котельники», «городской округ Котельники». */
const DISTRICT_BEFORE = new Set(['го', 'округ', 'округа', 'округе', 'округу', 'округом', 'зато']);

/** What the text shows around tokens [start, end) that the place rules look at. */
export interface MatchContext {
  capital: boolean;
  titleCase: boolean;
  cueBefore: boolean;
  /** The cue is «мкр.»/«микрорайон». */
  microdistrictCue: boolean;
  districtAfter: boolean;
  districtBefore: boolean;
  streetBefore: boolean;
  streetAfter: boolean;
  objectAfter: boolean;
  /** The district word after is «район»/«АО», not «округ»/«г.о.». */
  raionAfter: boolean;
  /** A house number or «д.» follows: «Володарского 14». */
  houseAfter: boolean;
  /** The second half of a hyphenated word («Орехово-Борисово»): a Moscow district, not the village. */
  hyphenBefore: boolean;
}

/** True when the gap after token k ends a clause: no cue or street word reaches across it. */
function breaksAfter(tokens: TextToken[], k: number): boolean {
  const next = tokens[k + 1];
  const token = tokens[k];
  if (!next || !token) return true;
  const sep = next.sepBefore;
  if (/[!?;:,\n()]/.test(sep)) return true;
  return sep.includes('.') && !ABBREVIATIONS.has(token.norm);
}

function isCue(tokens: TextToken[], k: number): boolean {
  const token = tokens[k];
  if (!token || !CUES.has(token.norm)) return false;
  return !CUES_NEEDING_DOT.has(token.norm) || (tokens[k + 1]?.sepBefore.includes('.') ?? false);
}

/** The nearest cue word before `start`, over fillers only and within the clause. */
function cueBefore(tokens: TextToken[], start: number): string | null {
  for (let k = start - 1; k >= Math.max(0, start - 3); k--) {
    if (breaksAfter(tokens, k)) return null;
    if (isCue(tokens, k)) return tokens[k]?.norm ?? null;
    if (!FILLERS.has(tokens[k]?.norm ?? '')) return null;
  }
  return null;
}

function houseAfter(tokens: TextToken[], end: number): boolean {
  const next = tokens[end];
  if (!next || !/^[\s,]*$/.test(next.sepBefore)) return false;
  return /^\d{1,4}$/.test(next.norm) || HOUSE_AFTER.has(next.norm);
}

export function matchContext(tokens: TextToken[], start: number, end: number): MatchContext {
  const first = tokens[start];
  const before = start > 0 && !breaksAfter(tokens, start - 1) ? tokens[start - 1] : undefined;
  const after = end < tokens.length && !breaksAfter(tokens, end - 1) ? tokens[end] : undefined;
  const cue = cueBefore(tokens, start);
  return {
    capital: first?.capital ?? false,
    titleCase: first?.titleCase ?? false,
    cueBefore: cue !== null,
    microdistrictCue: cue !== null && MICRODISTRICT_CUES.has(cue),
    districtAfter: after !== undefined && DISTRICT_AFTER.has(after.norm),
    districtBefore: before !== undefined && DISTRICT_BEFORE.has(before.norm),
    streetBefore: before !== undefined && STREET_BEFORE.has(before.norm),
    streetAfter: after !== undefined && STREET_AFTER.has(after.norm),
    objectAfter: after !== undefined && OBJECT_AFTER.has(after.norm),
    raionAfter: after !== undefined && RAION_AFTER.has(after.norm),
    houseAfter: houseAfter(tokens, end),
    hyphenBefore: start > 0 && first?.sepBefore === '-' && /\p{L}/u.test(tokens[start - 1]?.norm ?? ''),
  };
}
