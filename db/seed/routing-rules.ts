import { TKO_CLUSTERS } from './tko-clusters';
import { MUNICIPAL_TARGET, type RoutingRule } from '../../lib/domain/routing-types';

/*
 * Routing rules as data: ordered, first match wins. Specific categories come first, then per-block defaults,
 * then the wildcard, so a category added to the catalogue later is still routed (to its block's default or to
 * the municipal administration) instead of being dropped.
 */

/** Regional body that answers for a block when a rule names the municipal administration and there is none. */
export const BLOCK_REGIONAL_BODIES: Readonly<Record<string, string>> = {
  health: 'min-health',
  education: 'min-education',
  social: 'min-social',
  transport: 'min-transport',
  ecology: 'min-ecology',
  housing: 'min-housing',
  construction: 'min-construction',
  'national-projects': 'glavkontrol',
  safety: 'gurb',
  'public-services': 'min-digital',
  media: 'min-information',
};

/** Last resort for a complaint with neither a known block nor a municipality: the region's control body. */
export const DEFAULT_REGIONAL_BODY = 'glavkontrol';

const M = MUNICIPAL_TARGET;

const TKO_RULES: RoutingRule[] = TKO_CLUSTERS.map(({ code, cluster, oktmo }) => ({
  id: code,
  categories: ['ecology.tko-overflow'],
  municipalities: oktmo,
  target: code,
  reason: `Вывоз ТКО в округах ${cluster.replace(/ий$/, 'ого')} кластера — обязанность его регоператора`,
}));

export const ROUTING_RULES: readonly RoutingRule[] = [
  // ЖКХ
  {
    id: 'gasification',
    categories: ['housing.gasification'],
    target: 'mosoblgaz',
    reason: 'Социальную газификацию и подключение к газу ведёт «Мособлгаз» под контролем Минэнерго МО',
  },
  {
    id: 'power-outage',
    categories: ['housing.power-outage'],
    target: 'rosseti-mr',
    reason: 'Аварии на распределительных электросетях устраняет сетевая компания',
  },
  {
    id: 'house-maintenance',
    categories: [
      'housing.roof-leak',
      'housing.stairwell-cleaning',
      'housing.lift-broken',
      'housing.stairwell-lighting',
      'housing.utility-bills',
    ],
    target: 'min-territories',
    reason:
      'Содержание общего имущества МКД и начисления за ЖКУ — госжилнадзор над управляющими организациями',
  },
  {
    id: 'capital-repair',
    categories: ['housing.capital-repair'],
    target: 'capital-repair-fund',
    reason: 'Заказчик работ по региональной программе капремонта — Фонд капремонта',
  },
  {
    id: 'local-utilities',
    categories: [
      'housing.no-hot-water',
      'housing.no-cold-water',
      'housing.no-heating',
      'housing.sewer-blockage',
    ],
    target: M,
    reason: 'Организация тепло-, водоснабжения и водоотведения — вопрос местного значения (131-ФЗ)',
  },

  // Транспорт и дороги
  {
    id: 'bus-service',
    categories: ['transport.bus-interval', 'transport.bus-route'],
    target: 'min-transport',
    reason: 'Регулярные перевозки по региональным маршрутам организует Минтранс МО',
  },
  {
    id: 'regional-road-repair',
    categories: ['transport.road-repair'],
    target: 'mosavtodor',
    reason: 'Ремонт региональной дорожной сети планирует и ведёт «Мосавтодор»',
  },
  {
    id: 'parking-on-lawns',
    categories: ['transport.illegal-parking'],
    target: 'min-territories',
    reason: 'Стоянка на газонах — нарушение правил благоустройства, его фиксирует и штрафует Минчистоты МО',
  },

  // Экология: ТКО по кластерам, без округа — надзор за регоператорами
  ...TKO_RULES,
  {
    id: 'tko-oversight',
    categories: ['ecology.tko-overflow'],
    target: 'min-territories',
    reason: 'Округ не определён: работу регоператоров контролирует Минчистоты МО',
  },
  {
    id: 'eco-supervision',
    categories: ['ecology.dump', 'ecology.construction-waste', 'ecology.air-smell', 'ecology.landfill'],
    target: 'min-ecology',
    reason: 'Свалки, строительные отходы, выбросы и полигоны — региональный экологический надзор',
  },

  // Образование, соцзащита
  {
    id: 'school-construction',
    categories: ['education.school-building'],
    target: 'min-construction',
    reason: 'Строительство и капремонт школ идут по госпрограмме Минстроя МО',
  },
  {
    id: 'accessible-environment',
    categories: ['social.disabled-access'],
    target: M,
    reason: 'Доступность улиц и муниципальных объектов обеспечивает администрация округа',
  },

  // Строительство
  {
    id: 'construction-supervision',
    categories: [
      'construction.night-works',
      'construction.site-dirt',
      'construction.illegal-building',
      'construction.new-building-defects',
    ],
    target: 'glavgosstroynadzor',
    reason:
      'Стройплощадки, законность строительства и обязательства застройщиков проверяет Главгосстройнадзор',
  },
  {
    id: 'problem-objects',
    categories: ['construction.long-term', 'construction.defrauded-shareholders'],
    target: 'min-construction',
    reason: 'Проблемные объекты и восстановление прав дольщиков ведёт Минстрой МО',
  },

  // Нацпроекты и торги
  {
    id: 'tenders',
    categories: ['national-projects.tender-violation'],
    target: 'competition-committee',
    reason: 'Торги для госзаказчиков региона проводит Комитет по конкурентной политике',
  },
  {
    id: 'comfortable-environment',
    categories: ['national-projects.comfortable-environment'],
    target: 'min-improvement',
    reason: 'Благоустройство общественных пространств курирует Минблагоустройства МО',
  },
  {
    id: 'safe-roads',
    categories: ['national-projects.safe-roads'],
    target: 'min-transport',
    reason: 'Дорожный нацпроект в регионе координирует Минтранс МО',
  },
  {
    id: 'contract-control',
    categories: ['national-projects.work-quality', 'national-projects.contract-delay'],
    target: 'glavkontrol',
    reason: 'Исполнение госконтрактов и качество работ подрядчиков контролирует Главконтроль МО',
  },

  // Безопасность, госуслуги, СМИ
  {
    id: 'fire-hazard',
    categories: ['safety.fire-hazard'],
    target: 'mosoblpozhspas',
    reason: 'Палы травы и пожароопасные ситуации — противопожарно-спасательная служба региона',
  },
  {
    id: 'mfc',
    categories: ['public-services.mfc-queue'],
    target: 'mfc',
    reason: 'Офисы МФЦ в округах — филиалы единого ГБУ МО «МФЦ МО»',
  },
  {
    id: 'land-plots',
    categories: ['public-services.land-plot'],
    target: 'min-property',
    reason: 'Предоставление участков многодетным согласует Минимущество МО',
  },
  {
    id: 'fake-news',
    categories: ['media.fake-news'],
    target: 'min-information',
    reason: 'Опровержение недостоверной информации готовит Мининформ МО',
  },

  // Блоки по умолчанию
  {
    id: 'health',
    block: 'health',
    target: 'min-health',
    reason: 'Медорганизации региона подведомственны Минздраву МО',
  },
  {
    id: 'social',
    block: 'social',
    target: 'min-social',
    reason: 'Региональные меры соцподдержки и соцобслуживание — Минсоцразвития МО',
  },
  {
    id: 'public-services',
    block: 'public-services',
    target: 'min-digital',
    reason: 'Региональный портал, сроки госуслуг и связь — Мингосуправления МО',
  },
  {
    id: 'housing-local',
    block: 'housing',
    target: M,
    reason: 'Дворы и прочие вопросы ЖКХ округа решает его администрация',
  },
  {
    id: 'roads-local',
    block: 'transport',
    target: M,
    reason: 'Местные дороги, тротуары, освещение, светофоры и остановки содержит администрация округа',
  },
  {
    id: 'ecology-local',
    block: 'ecology',
    target: M,
    reason: 'Деревья, отлов животных и контейнерные площадки — полномочия администрации округа',
  },
  {
    id: 'education-local',
    block: 'education',
    target: M,
    reason: 'Школы и детские сады — муниципальные учреждения, их учредитель — администрация округа',
  },
  {
    id: 'safety-local',
    block: 'safety',
    target: M,
    reason: 'НТО, тишина, люки и детские площадки — муниципальный контроль и административные комиссии',
  },
  {
    id: 'media-local',
    block: 'media',
    target: M,
    reason: 'Публикации и обращения жителей отрабатывает администрация округа, где возникла проблема',
  },
  {
    id: 'catch-all',
    target: M,
    reason: 'Прочее — администрация округа; без округа — профильное ведомство блока',
  },
];
