import { TKO_CLUSTERS } from './tko-clusters';
import type {
  Executor,
  ExecutorDirectory,
  ExecutorKind,
  MunicipalityRef,
} from '../../lib/domain/routing-types';

/*
 * Directory of executors (ответственные органы) for the ЦУР of Moscow Oblast: regional ministries and
 * agencies, regional utilities, and the 57 municipal administrations (built from the municipality list, so
 * the OKTMO register stays the single source).
 *
 * Housing supervision: the former Госжилинспекция МО and the territory-maintenance supervision now work as
 * one ministry, «Министерство по содержанию территорий и государственному жилищному надзору» (Минчистоты МО),
 * which also oversees the ТКО operators; the old names are therefore not separate executors.
 * Per-town management companies are deliberately absent: a generated firm name could be mistaken for a real
 * one, and their failures reach the wall through Минчистоты or the administration anyway.
 */

function executor(kind: ExecutorKind) {
  return (code: string, name: string, shortName: string, blocks: string[]): Executor => ({
    code,
    name,
    shortName,
    kind,
    blocks,
  });
}

const ministry = executor('ministry');
const agency = executor('agency');
const utility = executor('utility');

const MINISTRIES: Executor[] = [
  ministry('min-health', 'Министерство здравоохранения Московской области', 'Минздрав МО', ['health']),
  ministry('min-education', 'Министерство образования Московской области', 'Минобразования МО', [
    'education',
  ]),
  ministry('min-social', 'Министерство социального развития Московской области', 'Минсоцразвития МО', [
    'social',
  ]),
  ministry(
    'min-transport',
    'Министерство транспорта и дорожной инфраструктуры Московской области',
    'Минтранс МО',
    ['transport', 'national-projects'],
  ),
  ministry('min-ecology', 'Министерство экологии и природопользования Московской области', 'Минэкологии МО', [
    'ecology',
  ]),
  ministry('min-housing', 'Министерство жилищно-коммунального хозяйства Московской области', 'МинЖКХ МО', [
    'housing',
  ]),
  ministry(
    'min-territories',
    'Министерство по содержанию территорий и государственному жилищному надзору Московской области',
    'Минчистоты МО',
    ['housing', 'ecology', 'transport'],
  ),
  ministry('min-construction', 'Министерство строительного комплекса Московской области', 'Минстрой МО', [
    'construction',
    'education',
    'health',
  ]),
  ministry('min-energy', 'Министерство энергетики Московской области', 'Минэнерго МО', ['housing']),
  ministry('min-improvement', 'Министерство благоустройства Московской области', 'Минблагоустройства МО', [
    'national-projects',
    'housing',
  ]),
  ministry(
    'min-digital',
    'Министерство государственного управления, информационных технологий и связи Московской области',
    'Мингосуправления МО',
    ['public-services'],
  ),
  ministry('min-property', 'Министерство имущественных отношений Московской области', 'Минимущество МО', [
    'public-services',
  ]),
  ministry(
    'min-information',
    'Министерство информации и молодёжной политики Московской области',
    'Мининформ МО',
    ['media'],
  ),
  ministry('min-culture', 'Министерство культуры и туризма Московской области', 'Минкультуры МО', []),
  ministry('min-sport', 'Министерство физической культуры и спорта Московской области', 'Минспорт МО', []),
  ministry(
    'min-agriculture',
    'Министерство сельского хозяйства и продовольствия Московской области',
    'Минсельхозпрод МО',
    [],
  ),
  ministry(
    'min-economy',
    'Министерство экономики и финансов Московской области',
    'Минэкономики и финансов МО',
    ['national-projects'],
  ),
  ministry(
    'min-investment',
    'Министерство инвестиций, промышленности и науки Московской области',
    'Мининвест МО',
    [],
  ),
];

const AGENCIES: Executor[] = [
  agency(
    'competition-committee',
    'Комитет по конкурентной политике Московской области',
    'Конкурентная политика МО',
    ['national-projects'],
  ),
  agency('glavkontrol', 'Главное контрольное управление Московской области', 'Главконтроль МО', [
    'national-projects',
  ]),
  agency('gurb', 'Главное управление региональной безопасности Московской области', 'ГУРБ МО', ['safety']),
  agency(
    'glavgosstroynadzor',
    'Главное управление государственного строительного надзора Московской области',
    'Главгосстройнадзор МО',
    ['construction'],
  ),
  agency(
    'architecture-committee',
    'Комитет по архитектуре и градостроительству Московской области',
    'Мособлархитектура',
    ['construction'],
  ),
  agency('forestry-committee', 'Комитет лесного хозяйства Московской области', 'Комлесхоз МО', ['ecology']),
  agency('tariffs-committee', 'Комитет по ценам и тарифам Московской области', 'Комитет по тарифам МО', [
    'housing',
  ]),
  agency(
    'mosoblpozhspas',
    'ГКУ МО «Московская областная противопожарно-спасательная служба»',
    'Мособлпожспас',
    ['safety'],
  ),
  agency('mosavtodor', 'ГБУ МО «Мосавтодор»', 'Мосавтодор', ['transport']),
  agency('mfc', 'ГБУ МО «МФЦ МО»', 'МФЦ МО', ['public-services']),
  agency(
    'capital-repair-fund',
    'Фонд капитального ремонта общего имущества многоквартирных домов',
    'Фонд капремонта МО',
    ['housing'],
  ),
];

const UTILITIES: Executor[] = [
  utility('mosoblgaz', 'АО «Мособлгаз»', 'Мособлгаз', ['housing']),
  utility('rosseti-mr', 'ПАО «Россети Московский регион»', 'Россети МР', ['housing', 'transport']),
  utility('mosenergosbyt', 'АО «Мосэнергосбыт»', 'Мосэнергосбыт', ['housing']),
  utility('ksmo', 'ГУП МО «Коммунальные системы Московской области»', 'КС МО', ['housing']),
  ...TKO_CLUSTERS.map(({ code, cluster }) =>
    utility(code, `Региональный оператор по обращению с ТКО, ${cluster} кластер`, `РО ТКО ${cluster}`, [
      'ecology',
    ]),
  ),
];

/** Everything but the municipal administrations: fixed, needs no municipality list. */
export const REGIONAL_EXECUTORS: readonly Executor[] = [...MINISTRIES, ...AGENCIES, ...UTILITIES];

const ADM_PREFIX = 'adm-';

export function municipalExecutorCode(oktmo: string): string {
  return `${ADM_PREFIX}${oktmo}`;
}

/** OKTMO of a municipal administration's code, or null for any other code. */
export function oktmoOfExecutor(code: string): string | null {
  return code.startsWith(ADM_PREFIX) ? code.slice(ADM_PREFIX.length) : null;
}

/**
 * Formal name in the genitive, as the administrations sign themselves: «Богородский городской округ» →
 * «Администрация Богородского городского округа», «Городской округ Балашиха» → «Администрация городского
 * округа Балашиха». Without a register name, falls back to the short form.
 */
function administrationName(m: MunicipalityRef): string {
  const name = m.name?.replace(/\s*\(ЗАТО\)\s*$/, '').trim() ?? '';
  const adjective = /^(\S+)ский городской округ$/.exec(name);
  if (adjective) return `Администрация ${adjective[1]}ского городского округа`;
  const plain = /^Городской округ (.+)$/.exec(name);
  if (plain) return `Администрация городского округа ${plain[1]}`;
  return `Администрация г.о. ${m.shortName}`;
}

/** One administration per municipality, code `adm-<oktmo>`, kind 'municipal'. */
export function municipalAdministrations(municipalities: readonly MunicipalityRef[]): Executor[] {
  return municipalities.map((m) => ({
    code: municipalExecutorCode(m.oktmo),
    name: administrationName(m),
    shortName: `Адм. г.о. ${m.shortName}`,
    kind: 'municipal',
    oktmo: m.oktmo,
  }));
}

/** The full directory in seed order: regional bodies first, then administrations. */
export function allExecutors(municipalities: readonly MunicipalityRef[]): Executor[] {
  return [...REGIONAL_EXECUTORS, ...municipalAdministrations(municipalities)];
}

export function buildExecutorDirectory(municipalities: readonly MunicipalityRef[] = []): ExecutorDirectory {
  return new Map(allExecutors(municipalities).map((e) => [e.code, e]));
}

/** Regional bodies only: enough to name every executor except the administrations. */
export const REGIONAL_DIRECTORY: ExecutorDirectory = buildExecutorDirectory();
