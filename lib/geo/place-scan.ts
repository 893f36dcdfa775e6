import type { PlaceRow } from './place-csv';
import { type MatchContext, matchContext } from './place-context';
import type { FormTarget, PlaceIndex } from './place-index';
import { DISTRICT_NAMESAKES, type FormRules } from './place-policy';
import { phraseSet, type TextToken } from './place-tokens';

/**
 * One mention of a place in a text: the surface text and the gazetteer rows it may mean. `weak`: every row
 * is a namesake of places all over Russia and nothing next to it says it is ours (see place-policy).
 */
export interface TextMention {
  surface: string;
  /** The tokens [start, end) that name it. */
  start: number;
  end: number;
  rows: PlaceRow[];
  weak: boolean;
}

/**
 * Villages of the oblast that share a name with a district of the City of Moscow. When the text names
 * Moscow, «Измайлово» is the Moscow district, and the mention is dropped.
 */
const MOSCOW_HOMONYMS = phraseSet('измайлово, востряково, марфино, черкизово, сколково, богородское');
const MOSCOW_FORMS = new Set(['москва', 'москвы', 'москве', 'москву', 'москвой']);

function accepts(rules: FormRules, row: PlaceRow, ctx: MatchContext): boolean {
  if (ctx.streetBefore || ctx.hyphenBefore) return false;
  if (rules.streetLike && ctx.houseAfter) return false;
  if (rules.adjective && ctx.streetAfter) return false;
  if (rules.districtOnly) return ctx.districtAfter;
  if (rules.minorAdjective && (ctx.districtAfter || ctx.objectAfter)) return false;
  // «Ленинском округе», «клин городской округ»: the okrug word vouches for the name on its own.
  const okrug = row.kind === 'municipality' && ctx.districtAfter;
  if (okrug) return true;
  if (rules.capital && !ctx.capital) return false;
  if (rules.titleCase && !ctx.titleCase) return false;
  if (!rules.cue) return true;
  return ctx.cueBefore && !(rules.microdistrictNoCue && ctx.microdistrictCue);
}

/** A namesake here: a common name alone, or «Ленинский район», which every big city has. */
function isWeak(target: FormTarget, ctx: MatchContext): boolean {
  if (target.row.kind === 'municipality' && (ctx.districtAfter || ctx.districtBefore))
    return ctx.raionAfter && DISTRICT_NAMESAKES.has(target.row.nameNorm);
  return target.rules.namesake;
}

/** The rows a form may mean here; with «г.о.»/«район» next to it, only the okrug itself if it is among them. */
function acceptedRows(targets: readonly FormTarget[], ctx: MatchContext): FormTarget[] {
  const accepted = targets.filter((t) => accepts(t.rules, t.row, ctx));
  if (ctx.districtAfter || ctx.districtBefore) {
    const okrugs = accepted.filter((t) => t.row.kind === 'municipality');
    if (okrugs.length > 0) return okrugs;
  }
  return accepted;
}

function formMatches(tokens: readonly TextToken[], start: number, formTokens: readonly string[]): boolean {
  for (let j = 1; j < formTokens.length; j++) {
    const token = tokens[start + j];
    // A name does not run across a sentence or a comma: «… Сергиев. Посад …» is not Сергиев Посад.
    if (!token || token.norm !== formTokens[j] || /[.,;:!?\n]/.test(token.sepBefore)) return false;
  }
  return true;
}

function mentionsMoscow(tokens: readonly TextToken[]): boolean {
  return tokens.some((t, i) => MOSCOW_FORMS.has(t.norm) && tokens[i + 1]?.norm !== 'река');
}

/**
 * Every place mention, scanning left to right and taking the longest accepted form at each position.
 * Tokens flagged in `blocked` (organisations and people, see place-guards) start no mention.
 */
export function scanPlaces(
  index: PlaceIndex,
  text: string,
  tokens: TextToken[],
  blocked: Uint8Array,
): TextMention[] {
  const mentions: TextMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const candidates = token && !blocked[i] ? index.get(token.norm) : undefined;
    let advanced = false;
    for (const form of candidates ?? []) {
      if (!formMatches(tokens, i, form.tokens)) continue;
      const end = i + form.tokens.length;
      const ctx = matchContext(tokens, i, end);
      const targets = acceptedRows(form.targets, ctx);
      if (targets.length === 0) continue;
      const last = tokens[end - 1];
      mentions.push({
        surface: text.slice(token?.start ?? 0, last?.end ?? 0),
        start: i,
        end,
        rows: targets.map((t) => t.row),
        weak: targets.every((t) => isWeak(t, ctx)),
      });
      i = end;
      advanced = true;
      break;
    }
    if (!advanced) i++;
  }
  if (!mentionsMoscow(tokens)) return mentions;
  return mentions.filter((m) => !m.rows.every((r) => MOSCOW_HOMONYMS.has(r.nameNorm)));
}
