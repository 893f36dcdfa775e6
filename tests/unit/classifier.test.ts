import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS } from '../../db/seed/blocks';
import { CATEGORIES } from '../../db/seed/categories';
import { CLASSIFY_THRESHOLD, classifyText, warmUpClassifier } from '../../lib/classify/classify-text';
import { classifyWithModel } from '../../lib/classify/classify-with-model';
import { evaluateClassifier, parseEvalSet, type EvalReport } from '../../lib/classify/evaluate';
import { trainModel } from '../../lib/classify/model';
import { normalizeText } from '../../lib/classify/tokenize';
import { buildTrainingSet, NONE_LABEL, unknownLexiconCodes } from '../../lib/classify/training-data';

const EVAL = parseEvalSet(
  readFileSync(new URL('../fixtures/classifier-eval.jsonl', import.meta.url), 'utf8'),
);
const BLOCK_OF = new Map(CATEGORIES.map((c) => [c.code, c.blockCode]));

describe('classifier evaluation set', () => {
  it('has at least 550 messages, 30+ per block, labels that exist, and ~30 vague texts', () => {
    expect(EVAL.length).toBeGreaterThanOrEqual(550);
    for (const { code } of BLOCKS) {
      expect(EVAL.filter((s) => s.block === code).length, code).toBeGreaterThanOrEqual(30);
    }
    for (const s of EVAL) {
      if (s.category === null) expect(s.block).toBeNull();
      else expect(BLOCK_OF.get(s.category), s.text).toBe(s.block);
    }
    expect(EVAL.filter((s) => s.category === null).length).toBeGreaterThanOrEqual(30);
    // Spread over categories, not a handful of easy ones per block.
    expect(new Set(EVAL.map((s) => s.category)).size).toBeGreaterThanOrEqual(CATEGORIES.length);
  });

  it('shares no text with the training data', () => {
    const training = buildTrainingSet().map((e) => normalizeText(e.text));
    const leaked = EVAL.filter((s) => {
      const text = normalizeText(s.text);
      // «???» normalizes to nothing: there is no text to leak.
      return text !== '' && training.some((t) => t.includes(text));
    });
    expect(leaked.map((s) => s.text)).toEqual([]);
  });
});

describe('classifier training data', () => {
  it('names only real categories and trains every category of the catalogue', () => {
    expect(unknownLexiconCodes()).toEqual([]);
    const labels = new Set(buildTrainingSet().map((e) => e.label));
    for (const c of CATEGORIES) expect(labels.has(c.code), c.code).toBe(true);
    expect(labels.has(NONE_LABEL)).toBe(true);
  });
});

describe('classifyText on the evaluation set', () => {
  let report: EvalReport;

  beforeAll(() => {
    warmUpClassifier();
    report = evaluateClassifier(EVAL, CLASSIFY_THRESHOLD);
  });

  // Floors a few points under the numbers measured by scripts/eval-classifier.ts at the chosen threshold.
  it('is accurate on the messages it is confident about and covers most of them', () => {
    expect(report.coverage).toBeGreaterThanOrEqual(0.76);
    expect(report.confidentBlockAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(report.confidentCategoryAccuracy).toBeGreaterThanOrEqual(0.91);
  });

  it('gets the block and the category right overall as a best guess', () => {
    expect(report.blockAccuracy).toBeGreaterThanOrEqual(0.89);
    expect(report.categoryAccuracy).toBeGreaterThanOrEqual(0.83);
  });

  it('keeps every block above an F1 floor', () => {
    expect(report.perBlock).toHaveLength(BLOCKS.length);
    for (const b of report.perBlock) {
      expect(b.f1, b.block).toBeGreaterThanOrEqual(0.82);
      expect(b.precision, b.block).toBeGreaterThanOrEqual(0.8);
      expect(b.recall, b.block).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('leaves most vague and non-complaint texts below the threshold', () => {
    expect(report.vagueRejected).toBeGreaterThanOrEqual(0.85);
    for (const text of ['подскажите пожалуйста', 'всем привет', 'Добрый день!', '']) {
      const r = classifyText(text);
      expect(r.categoryCode, text).toBeNull();
      expect(r.confidence, text).toBeLessThan(CLASSIFY_THRESHOLD);
    }
  });
});

describe('classifyText contract', () => {
  it('answers typical colloquial complaints with their category and block', () => {
    const cases: [string, string][] = [
      ['опять нет горячки второй день, моемся из кастрюли', 'housing.no-hot-water'],
      ['яма на дороге у магазина, пробил колесо', 'transport.pothole'],
      ['мусорка переполнена уже неделю', 'ecology.tko-overflow'],
      ['скорая ехала час к бабушке', 'health.ambulance'],
    ];
    for (const [text, code] of cases) {
      const r = classifyText(text);
      expect(r.categoryCode, text).toBe(code);
      expect(r.blockCode).toBe(BLOCK_OF.get(code));
      expect(r.confidence).toBeGreaterThanOrEqual(CLASSIFY_THRESHOLD);
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.suggestions[0]).toEqual({ categoryCode: code, score: r.confidence });
    }
  });

  it('returns three ranked suggestions and a best-guess block even below the threshold', () => {
    const r = classifyText('здравствуйте, у нас тут опять проблема с подъездом и двором');
    expect(r.suggestions).toHaveLength(3);
    const scores = r.suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.blockCode).toBe(BLOCK_OF.get(r.suggestions[0]!.categoryCode));
    expect(r.categoryCode === null).toBe(r.confidence < CLASSIFY_THRESHOLD);
  });

  it('restricts the answer to the categories of a given block', () => {
    const text = 'в классе холодно, батареи ледяные, дети сидят в куртках';
    const housing = classifyText(text, { blockCode: 'housing' });
    expect(housing.blockCode).toBe('housing');
    expect(housing.suggestions.every((s) => BLOCK_OF.get(s.categoryCode) === 'housing')).toBe(true);
    expect(housing.suggestions[0]!.categoryCode).toBe('housing.no-heating');
    const education = classifyText(text, { blockCode: 'education' });
    expect(education.suggestions[0]!.categoryCode).toBe('education.school-heating');
    const media = classifyText('яма на дороге', { blockCode: 'media' });
    expect(media.suggestions.every((s) => s.categoryCode.startsWith('media.'))).toBe(true);
  });

  it('is deterministic: the same text gives the same answer, and a fresh build the same model', () => {
    const text = 'Лифт стоит третий день, в подъезде темно и грязно';
    expect(classifyText(text)).toEqual(classifyText(text));
    const again = trainModel(buildTrainingSet());
    for (const s of EVAL.slice(0, 60)) {
      expect(classifyWithModel(again, s.text, CLASSIFY_THRESHOLD)).toEqual(classifyText(s.text));
    }
  });
});
