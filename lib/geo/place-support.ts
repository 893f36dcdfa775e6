import { phraseSet, type TextToken } from './place-tokens';

const HOME_ADJECTIVE = phraseSet('московская, московской, московскую, московскою');
const REGION_NOUNS = phraseSet('область, области, областью, обл, регион, региона, регионе');
const SUBURBS = phraseSet('подмосковье, подмосковья, подмосковью, подмосковьем');

/** Moscow Oblast's postcodes (Moscow's own start 101–129, 108 for its new lands). */
const HOME_POSTCODE = /^14[0-4]\d{3}$/;

/** A latitude, longitude pair inside the oblast's box: «55.91, 37.73», «55,91 37,73». */
const HOME_COORDINATES = /\b5[4-6][.,]\d{3,}\s*[,;]?\s*(?:3[5-9]|40)[.,]\d{3,}\b/;

/**
 * Whether the text places itself in Moscow Oblast: it names the region («Московская обл.», «Подмосковье»),
 * gives one of its postcodes, or coordinates inside it. This supports namesake names (see place-policy)
 * and outweighs another region's name (a resident writing «переехали из Курской области в Подмосковье»).
 */
export function homeRegionNamed(text: string, tokens: readonly TextToken[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]?.norm ?? '';
    if (SUBURBS.has(norm) || HOME_POSTCODE.test(norm)) return true;
    if (HOME_ADJECTIVE.has(norm) && REGION_NOUNS.has(tokens[i + 1]?.norm ?? '')) return true;
  }
  return HOME_COORDINATES.test(text);
}
