import { tokenize } from './tokenize';

/** A sparse feature vector: parallel arrays of feature keys and values, L2-normalized. */
export interface FeatureVector {
  keys: string[];
  values: number[];
}

/*
 * Relative weights of the feature groups before normalization. Stems carry the topic; stem bigrams catch
 * «нет свет» against «свет в подъезде»; character n-grams of the written word survive typos and slang
 * («гарячей», «мусорка») that the stemmer cannot bring to a known stem.
 */
const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.8;
const CHARGRAM_WEIGHT = 0.5;
const CHARGRAM_SIZE = 3;

function add(into: Map<string, number>, key: string, weight: number): void {
  into.set(key, (into.get(key) ?? 0) + weight);
}

function addCharGrams(into: Map<string, number>, word: string): void {
  if (word.length < CHARGRAM_SIZE - 1 || /\d/.test(word)) return;
  const padded = `<${word}>`;
  for (let i = 0; i + CHARGRAM_SIZE <= padded.length; i++) {
    add(into, `c:${padded.slice(i, i + CHARGRAM_SIZE)}`, CHARGRAM_WEIGHT);
  }
}

/** The features of one message; the same function serves training and classification. */
export function extractFeatures(text: string): FeatureVector {
  const { words, stems } = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < stems.length; i++) {
    add(counts, `w:${stems[i]}`, UNIGRAM_WEIGHT);
    if (i > 0) add(counts, `b:${stems[i - 1]}_${stems[i]}`, BIGRAM_WEIGHT);
    addCharGrams(counts, words[i]!);
  }
  const keys = [...counts.keys()];
  // Sublinear: a word repeated five times in an angry post is not five times the evidence.
  const raw = [...counts.values()].map((count) => Math.log1p(count));
  const norm = Math.sqrt(raw.reduce((sum, v) => sum + v * v, 0));
  return { keys, values: norm > 0 ? raw.map((v) => v / norm) : raw };
}
