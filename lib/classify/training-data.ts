import { BLOCKS } from '../../db/seed/blocks';
import { CATEGORIES } from '../../db/seed/categories';
import { SOURCES } from '../../db/seed/sources';
import { CATEGORY_TEXTS, decorateForSource, fillTemplate, INCIDENT_TEXTS, type TextPlace } from './corpus';
import { LETTER_FILLER } from './corpus/letter-filler';
import { CIVIC_LEXICON } from './lexicon/civic';
import { DEVELOPMENT_LEXICON } from './lexicon/development';
import { ECOLOGY_LEXICON } from './lexicon/ecology';
import { HOUSING_LEXICON } from './lexicon/housing';
import { LETTERS_LEXICON } from './lexicon/letters';
import { NONE_TEXTS } from './lexicon/none';
import { PEOPLE_LEXICON } from './lexicon/people';
import { TRANSPORT_LEXICON } from './lexicon/transport';
import type { Lexicon } from './lexicon/types';
import { createRng } from './random';

/** The label of texts that belong to no category (greetings, thanks, vague questions, adverts). */
export const NONE_LABEL = '__none__';

export interface TrainingExample {
  text: string;
  label: string;
}

const LEXICONS: readonly Lexicon[] = [
  HOUSING_LEXICON,
  TRANSPORT_LEXICON,
  ECOLOGY_LEXICON,
  PEOPLE_LEXICON,
  DEVELOPMENT_LEXICON,
  CIVIC_LEXICON,
  LETTERS_LEXICON,
];

/*
 * Place names say nothing about the topic and would only teach the model that «Балашиха» means housing,
 * so the corpus templates are rendered with an empty place.
 */
const NO_PLACE: TextPlace = { town: '', street: '', house: '', okrug: '' };
const SEED = 20_261_123;
const LETTER_SHARE = 0.7;
const NEUTRAL_WRAPPERS = ['incident', 'governor-hotline', 'call-112', 'municipal'] as const;

/** A complaint as a letter tells it: some of the writer's story before it and sometimes after it. */
function asLetter(body: string, rng: ReturnType<typeof createRng>): string {
  const before = Array.from({ length: rng.int(1, 2) }, () => rng.pick(LETTER_FILLER));
  const after = rng.chance(0.3) ? [rng.pick(LETTER_FILLER)] : [];
  return [...before, body, ...after].join(' ');
}

/** Every training text of a category: corpus templates (plain and as a channel delivers them), the hand-written lexicon and the category's own name. */
export function buildTrainingSet(): TrainingExample[] {
  const rng = createRng(SEED);
  const sources = SOURCES.map((s) => s.code);
  const examples: TrainingExample[] = [];
  for (const category of CATEGORIES) {
    const label = category.code;
    const templates = [...(CATEGORY_TEXTS[label] ?? []), ...(INCIDENT_TEXTS[label] ?? [])];
    for (const template of templates) {
      const body = fillTemplate(template, NO_PLACE, rng);
      examples.push({ text: body, label });
      // One more copy each, as a channel delivers it (the header names the ministry of the block for some
      // sources) or as a letter tells it; both would double the build time for little more accuracy.
      const source = rng.pick(sources);
      examples.push({
        text: rng.chance(LETTER_SHARE)
          ? asLetter(body, rng)
          : decorateForSource(body, source, category.blockCode, NO_PLACE, rng),
        label,
      });
    }
    for (const lexicon of LEXICONS) {
      for (const phrase of lexicon[label] ?? []) examples.push({ text: phrase, label });
    }
    examples.push({ text: category.name, label });
  }
  for (const text of NONE_TEXTS) examples.push({ text, label: NONE_LABEL });
  // A channel's wrapper around nothing is no complaint; the wrappers that name a ministry stay out of it.
  for (const source of NEUTRAL_WRAPPERS) {
    for (let i = 0; i < 3; i++) {
      const block = rng.pick(BLOCKS).code;
      examples.push({ text: decorateForSource('', source, block, NO_PLACE, rng), label: NONE_LABEL });
    }
  }
  return examples;
}

/** Every lexicon entry must name a real category: a typo in a code would silently train nothing. */
export function unknownLexiconCodes(): string[] {
  const known = new Set(CATEGORIES.map((c) => c.code));
  return LEXICONS.flatMap((lexicon) => Object.keys(lexicon)).filter((code) => !known.has(code));
}
