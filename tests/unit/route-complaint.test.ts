import { beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS } from '../../db/seed/blocks';
import { CATEGORIES } from '../../db/seed/categories';
import {
  allExecutors,
  buildExecutorDirectory,
  municipalAdministrations,
  REGIONAL_EXECUTORS,
} from '../../db/seed/executors';
import { executorName, routeComplaint, validateRouting } from '../../lib/routing/route-complaint';
import { BLOCK_REGIONAL_BODIES, ROUTING_RULES } from '../../db/seed/routing-rules';
import { TKO_CLUSTERS } from '../../db/seed/tko-clusters';
import { SHORT_NAME_MAX, type ExecutorDirectory, type RoutingRule } from '../../lib/domain/routing-types';
import { readMunicipalitiesCsv } from '../../lib/reference/municipalities-csv';
import type { MunicipalityInfo } from '../../lib/reference/types';

const BALASHIKHA = '46704000000';
const BOGORODSKY = '46751000000';
const KASHIRA = '46735000000';
const VLASIKHA = '46773000000'; // ЗАТО
const SERGIEV_POSAD = '46728000000';
const SAMPLE = [BALASHIKHA, BOGORODSKY, KASHIRA, VLASIKHA, SERGIEV_POSAD];

let municipalities: MunicipalityInfo[];
let directory: ExecutorDirectory;

beforeAll(() => {
  municipalities = readMunicipalitiesCsv();
  expect(municipalities).toHaveLength(57);
  directory = buildExecutorDirectory(municipalities);
});

describe('executor directory', () => {
  it('has about 30 regional ministries and agencies plus utilities and 57 administrations', () => {
    const kinds = (k: string) => REGIONAL_EXECUTORS.filter((e) => e.kind === k).length;
    expect(kinds('ministry') + kinds('agency')).toBeGreaterThanOrEqual(25);
    expect(kinds('utility')).toBeGreaterThanOrEqual(5);
    expect(kinds('municipal')).toBe(0);
    expect(municipalAdministrations(municipalities)).toHaveLength(57);
    expect(directory.size).toBe(REGIONAL_EXECUTORS.length + 57);
  });

  it('keeps every short name within a wall column', () => {
    for (const e of allExecutors(municipalities)) {
      expect(e.shortName.length, e.code).toBeLessThanOrEqual(SHORT_NAME_MAX);
      expect(e.shortName.trim().length, e.code).toBeGreaterThan(0);
    }
  });

  it('names administrations formally and briefly', () => {
    expect(executorName(`adm-${BALASHIKHA}`, { directory })).toBe('Администрация городского округа Балашиха');
    expect(executorName(`adm-${BALASHIKHA}`, { directory, short: true })).toBe('Адм. г.о. Балашиха');
    expect(executorName(`adm-${BOGORODSKY}`, { directory })).toBe(
      'Администрация Богородского городского округа',
    );
    expect(executorName(`adm-${VLASIKHA}`, { directory })).toBe('Администрация городского округа Власиха');
    expect(municipalAdministrations([{ oktmo: '46000000001', shortName: 'Тест' }])[0]!.name).toBe(
      'Администрация г.о. Тест',
    );
  });

  it('names regional bodies without a municipality list and degrades gracefully', () => {
    expect(executorName('min-health')).toBe('Министерство здравоохранения Московской области');
    expect(executorName('min-health', { short: true })).toBe('Минздрав МО');
    expect(executorName(`adm-${BALASHIKHA}`, { short: true })).toBe(`Адм. г.о. ${BALASHIKHA}`);
    expect(executorName('no-such-body')).toBe('no-such-body');
  });
});

describe('routing rules', () => {
  it('validate against the catalogue, the directory and all 57 municipalities', () => {
    expect(validateRouting({ municipalities })).toEqual([]);
    expect(validateRouting()).toEqual([]);
  });

  it('route every category in sample municipalities to an existing executor via an existing rule', () => {
    const ruleIds = new Set(ROUTING_RULES.map((r) => r.id));
    expect(CATEGORIES).toHaveLength(78);
    for (const c of CATEGORIES) {
      for (const oktmo of SAMPLE) {
        const route = routeComplaint({
          categoryCode: c.code,
          blockCode: c.blockCode,
          municipalityOktmo: oktmo,
        });
        expect(directory.has(route.executorCode), `${c.code} @ ${oktmo}`).toBe(true);
        expect(ruleIds.has(route.ruleId)).toBe(true);
        expect(route.viaBlockBody).toBe(false);
      }
    }
  });

  it('send typical complaints where the region sends them', () => {
    const to = (categoryCode: string, municipalityOktmo: string | null = BALASHIKHA) =>
      routeComplaint({ categoryCode, municipalityOktmo }).executorCode;
    expect(to('housing.gasification')).toBe('mosoblgaz');
    expect(to('housing.power-outage')).toBe('rosseti-mr');
    expect(to('housing.roof-leak')).toBe('min-territories');
    expect(to('housing.no-heating')).toBe(`adm-${BALASHIKHA}`);
    expect(to('health.clinic-queue')).toBe('min-health');
    expect(to('transport.road-repair')).toBe('mosavtodor');
    expect(to('transport.pothole')).toBe(`adm-${BALASHIKHA}`);
    expect(to('ecology.tko-overflow')).toBe('tko-noginsk');
    expect(to('ecology.tko-overflow', KASHIRA)).toBe('tko-kashira');
    expect(to('public-services.mfc-queue')).toBe('mfc');
  });

  it('give every municipality a waste operator, each in exactly one cluster', () => {
    const all = TKO_CLUSTERS.flatMap((c) => c.oktmo);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(new Set(municipalities.map((m) => m.oktmo)));
    for (const m of municipalities) {
      const route = routeComplaint({ categoryCode: 'ecology.tko-overflow', municipalityOktmo: m.oktmo });
      expect(route.executorCode, m.shortName).toMatch(/^tko-/);
    }
  });
});

describe('without a municipality', () => {
  it('routes to the block regional body instead of an administration', () => {
    for (const c of CATEGORIES) {
      const route = routeComplaint({ categoryCode: c.code, blockCode: c.blockCode, municipalityOktmo: null });
      expect(route.executorCode, c.code).not.toMatch(/^adm-/);
      expect(directory.get(route.executorCode)?.kind, c.code).not.toBe('municipal');
      if (route.viaBlockBody) expect(route.executorCode).toBe(BLOCK_REGIONAL_BODIES[c.blockCode]);
    }
    const pothole = routeComplaint({ categoryCode: 'transport.pothole' });
    expect(pothole).toEqual({ executorCode: 'min-transport', ruleId: 'roads-local', viaBlockBody: true });
    // Regional executors do not depend on the place.
    expect(routeComplaint({ categoryCode: 'housing.gasification' }).executorCode).toBe('mosoblgaz');
    // Cluster rules need a municipality; the unrestricted rule after them takes the complaint.
    expect(routeComplaint({ categoryCode: 'ecology.tko-overflow' }).ruleId).toBe('tko-oversight');
  });

  it('treats a malformed or unknown OKTMO as no municipality', () => {
    const knownOktmo = new Set(municipalities.map((m) => m.oktmo));
    const bad = routeComplaint({ categoryCode: 'transport.pothole', municipalityOktmo: '123' });
    expect(bad.executorCode).toBe('min-transport');
    const unknown = routeComplaint(
      { categoryCode: 'transport.pothole', municipalityOktmo: '46999000000' },
      { knownOktmo },
    );
    expect(unknown).toMatchObject({ executorCode: 'min-transport', viaBlockBody: true });
  });

  it('falls back for an unknown category and block', () => {
    expect(routeComplaint({ categoryCode: 'health.new-thing' }).executorCode).toBe('min-health');
    expect(routeComplaint({ categoryCode: 'odd' })).toEqual({
      executorCode: 'glavkontrol',
      ruleId: 'catch-all',
      viaBlockBody: true,
    });
  });
});

describe('first match wins', () => {
  const rules: RoutingRule[] = [
    { id: 'roof', categories: ['housing.roof-leak'], target: 'min-housing', reason: 'r' },
    { id: 'kashira', block: 'housing', municipalities: [KASHIRA], target: 'municipal', reason: 'r' },
    { id: 'housing', block: 'housing', target: 'min-territories', reason: 'r' },
    { id: 'all', target: 'municipal', reason: 'r' },
  ];
  const route = (categoryCode: string, municipalityOktmo: string | null = BALASHIKHA) =>
    routeComplaint({ categoryCode, municipalityOktmo }, { rules });

  it('takes the earliest matching rule in order', () => {
    expect(route('housing.roof-leak', KASHIRA).ruleId).toBe('roof');
    expect(route('housing.lift-broken', KASHIRA)).toMatchObject({
      ruleId: 'kashira',
      executorCode: `adm-${KASHIRA}`,
    });
    expect(route('housing.lift-broken')).toMatchObject({
      ruleId: 'housing',
      executorCode: 'min-territories',
    });
    expect(route('health.clinic-queue')).toMatchObject({ ruleId: 'all', executorCode: `adm-${BALASHIKHA}` });
  });

  it('is what the shipped rules rely on: specific categories before block defaults', () => {
    const index = (id: string) => ROUTING_RULES.findIndex((r) => r.id === id);
    expect(index('school-construction')).toBeLessThan(index('education-local'));
    expect(index('tko-kashira')).toBeLessThan(index('tko-oversight'));
    expect(ROUTING_RULES.at(-1)!.id).toBe('catch-all');
  });
});

describe('validateRouting', () => {
  it('reports broken references, dead rules and a missing wildcard', () => {
    const broken: RoutingRule[] = [
      { id: 'a', categories: ['housing.roof-leak'], target: 'nobody', reason: 'r' },
      { id: 'a', categories: ['housing.nope'], block: 'housing', target: 'municipal', reason: 'r' },
      { id: 'b', block: 'space', municipalities: ['46999000000'], target: 'municipal', reason: 'r' },
      { id: 'c', categories: ['housing.roof-leak'], target: 'min-housing', reason: '' },
    ];
    const problems = validateRouting({ rules: broken, municipalities }).join('\n');
    for (const expected of [
      'unknown executor nobody',
      'duplicate id',
      'unknown category housing.nope',
      'both categories and a block',
      'unknown block space',
      'unknown OKTMO 46999000000',
      'rule c: no reason',
      'rule c: unreachable',
      'must end with a wildcard',
    ]) {
      expect(problems).toContain(expected);
    }
  });

  it('reports directory problems', () => {
    const executors = [
      ...REGIONAL_EXECUTORS,
      { code: 'Bad Code', name: 'x', shortName: 'x'.repeat(40), kind: 'agency' as const, blocks: ['space'] },
    ];
    const problems = validateRouting({ executors, blocks: BLOCKS }).join('\n');
    expect(problems).toContain('not latin kebab-case');
    expect(problems).toContain(`over ${SHORT_NAME_MAX}`);
    expect(problems).toContain('unknown block space');
  });
});
