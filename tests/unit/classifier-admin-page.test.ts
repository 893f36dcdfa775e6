import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClassifierScores } from '@/db/schema/classifier-versions';
import { ClassifierAdmin } from '@/app/admin/classifier/classifier-admin';
import { VersionDetails } from '@/app/admin/classifier/version-details';

const scores = (coverage: number): ClassifierScores => ({
  threshold: 0.31,
  coverage,
  confidentAccuracy: 0.95,
  overallAccuracy: 0.9,
  categoryAccuracy: 0.8,
  noneRejected: 1,
  perBlock: [
    { block: 'housing', support: 12, precision: 0.9231, recall: 1, f1: 0.96 },
    { block: 'transport', support: 0, precision: 0, recall: 0, f1: 0 },
  ],
  confusions: [{ expected: 'transport', predicted: 'housing', count: 2 }],
});

const RULES = { afterDecisions: 200, heldOutShare: 0.2, targetPrecision: 0.9 };
const NAMES = { housing: 'ЖКХ', transport: 'Транспорт и дороги' };

describe('the classifier admin page', () => {
  it('lists each version with its held-out scores, the live one beside it, and rollback for retired ones', () => {
    const html = renderToStaticMarkup(
      createElement(ClassifierAdmin, {
        blockNames: NAMES,
        rules: RULES,
        initialVersions: [
          {
            id: 3,
            createdAt: '2026-12-06T12:00:00Z',
            status: 'refused',
            trainedFrom: 900,
            heldOutFrom: 700,
            examples: 3000,
            threshold: 0.4,
            metrics: {
              heldOut: 40,
              targetPrecision: 0.9,
              candidate: scores(0.5),
              live: { ...scores(0.8), version: 2 },
            },
            reason: 'охват 50,0 % не выше, чем у действующей версии (80,0 %)',
            requestedBy: 'user:1',
            liveAt: null,
          },
          {
            id: 1,
            createdAt: '2026-12-06T10:00:00Z',
            status: 'retired',
            trainedFrom: 0,
            heldOutFrom: 0,
            examples: 1405,
            threshold: 0.45,
            metrics: null,
            reason: null,
            requestedBy: 'system:retrain',
            liveAt: '2026-12-06T10:00:00Z',
          },
        ],
      }),
    );
    expect(html).toContain('Действует исходная модель');
    expect(html).toContain('Переобучить сейчас');
    expect(html).toContain('отклонена');
    expect(html).toContain('охват 50,0 % не выше');
    expect(html).toContain('v2: охват 80,0 %, 95,0 %');
    expect(html).toContain('1 (исходная)');
    expect(html.match(/Вернуть/g)).toHaveLength(1);
  });

  it('shows per-block precision, recall and F1 and the top confusions by block name', () => {
    const html = renderToStaticMarkup(
      createElement(VersionDetails, { scores: scores(0.7), blockNames: NAMES }),
    );
    expect(html).toContain('ЖКХ');
    expect(html).toContain('92,3 %');
    expect(html).toContain('Транспорт и дороги → ЖКХ: <span class="tabular-nums">2</span>');
  });
});
