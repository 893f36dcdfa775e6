import { tokenize, type Tokens } from './tokenize';

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

/** Words repeat across messages and a long letter is read twice (whole and by sentence): keys are cached. */
const CHARGRAM_CACHE_LIMIT = 50_000;
const charGramCache = new Map<string, readonly string[]>();

function charGramKeys(word: string): readonly string[] {
  const cached = charGramCache.get(word);
  if (cached !== undefined) return cached;
  const keys: string[] = [];
  if (word.length >= CHARGRAM_SIZE - 1 && !/\d/.test(word)) {
    const padded = `<${word}>`;
    for (let i = 0; i + CHARGRAM_SIZE <= padded.length; i++)
      keys.push(`c:${padded.slice(i, i + CHARGRAM_SIZE)}`);
  }
  if (charGramCache.size >= CHARGRAM_CACHE_LIMIT) charGramCache.clear();
  charGramCache.set(word, keys);
  return keys;
}

function addCharGrams(into: Map<string, number>, word: string): void {
  for (const key of charGramKeys(word)) add(into, key, CHARGRAM_WEIGHT);
}

/** The features of one message; the same function serves training and classification. */
export function extractFeatures(text: string): FeatureVector {
  return featuresOfTokens(tokenize(text));
}

/** The features of tokens already read: tokenize(a + ' ' + b) is the concatenation of both, so a letter's pieces are tokenized once. */
export function featuresOfTokens({ words, stems }: Tokens): FeatureVector {
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
