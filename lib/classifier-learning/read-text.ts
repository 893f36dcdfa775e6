import { z } from 'zod';
import { classifyText, liveModelVersion, liveThreshold } from '../classify/classify-text';
import type { AppContext } from '../context';
import { MAX_TEXT_CHARS } from '../domain/limits';

export const READ_TEXT_BODY_SCHEMA = z.object({
  text: z
    .string({ message: 'must be a string' })
    .min(1, 'must not be empty')
    .max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS} characters, intake's limit`),
  block: z.string({ message: 'must be a block code' }).optional(),
});

export interface TextReading {
  /** null below the threshold: intake would queue it for an operator. */
  category: string | null;
  block: string | null;
  confidence: number;
  threshold: number;
  /** The live version that read it; null for the seed model. */
  version: number | null;
  suggestions: { category: string; score: number }[];
  /** What the place finder makes of the text, as intake would. */
  place:
    | { kind: 'found'; oktmo: string; name: string; matched: string }
    | { kind: 'ambiguous'; candidates: string[]; matched: string }
    | { kind: 'foreign'; region: string; matched: string }
    | { kind: 'none' };
}

/**
 * How intake would read a text, stored nowhere: the live classifier's answer at its threshold and the place
 * finder's verdict. For an integration that asks before it sends, and for replaying a labelled set through the
 * API without filling the operators' queue.
 */
export function readText(ctx: AppContext, text: string, blockCode?: string): TextReading {
  const guess = classifyText(text, blockCode ? { blockCode } : {});
  const match = ctx.places.find(text);
  const place: TextReading['place'] =
    match.kind === 'found'
      ? { kind: 'found', oktmo: match.place.oktmo, name: match.place.name, matched: match.matched }
      : match.kind === 'ambiguous'
        ? { kind: 'ambiguous', candidates: match.candidates.map((c) => c.oktmo), matched: match.matched }
        : match.kind === 'foreign'
          ? { kind: 'foreign', region: match.region, matched: match.matched }
          : { kind: 'none' };
  return {
    category: guess.categoryCode,
    block: guess.blockCode,
    confidence: guess.confidence,
    threshold: liveThreshold(),
    version: liveModelVersion(),
    suggestions: guess.suggestions.map((s) => ({ category: s.categoryCode, score: s.score })),
    place,
  };
}
