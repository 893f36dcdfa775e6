import { newStemmer, type Stemmer } from 'snowball-stemmers';

/*
 * Words that carry no topic. Negations («не», «нет», «без») are kept on purpose: «нет света» and «свет»
 * are different complaints, and the bigram features need them.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  `а и в во на с со к ко у о об от до по за из изо над под при про для через же ли бы ведь вот то это этот
  эта эти тот та те так там тут как что чтобы кто где когда уже еще ещё очень просто даже только или либо
  но да ну я мы вы ты он она оно они мне меня мой моя мое мои нас наш наша наше наши вам вас ваш его ее её
  их им ним нему ней него всё все весь вся всех был была было были быть есть будет этого этой этом том
  также тоже сам сама сами себя свой своя свои который которая которые которое какой какая какие`
    .split(/\s+/)
    .filter(Boolean),
);

/** Stems repeat a lot across messages; the cache is capped so a stream of odd words cannot grow it forever. */
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();
let stemmer: Stemmer | null = null;

function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  stemmer ??= newStemmer('russian');
  // The Russian algorithm leaves Latin words and numbers as they are, which is what we want for «мфц», «103».
  const stem = stemmer.stem(word);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/** Lower case, «ё» → «е», everything but letters and digits becomes a word break. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a message without stopwords, as written (normalized) and as stems, in order. */
export interface Tokens {
  words: string[];
  stems: string[];
}

export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const stems: string[] = [];
  for (const word of normalizeText(text).split(' ')) {
    if (word.length === 0 || STOPWORDS.has(word)) continue;
    // Long digit runs are house numbers, phones and dates: noise for the topic.
    if (/^\d+$/.test(word) && word.length > 3) continue;
    words.push(word);
    stems.push(stemWord(word));
  }
  return { words, stems };
}
