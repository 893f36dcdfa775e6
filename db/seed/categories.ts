import type { CategoryKind, CategorySeed } from './types';

/*
 * Category catalogue of the center. Wording follows the Добродел / «Наш Санкт-Петербург» registers.
 * ≈ 70% are operational (clean, patch, remove: answer within 24–48 h); the rest are resource-intensive
 * (build, gasify, modernize) and get up to 8 days (192 h), the maximum for an executor's answer.
 */

/**
 * How far and how long apart two complaints of a category may be and still report one problem. An outage
 * covers a district for a day; a pothole is one spot for weeks; the default is a house and two days.
 */
const DUPLICATE_RULES: Readonly<Record<string, readonly [radiusM: number, windowHours: number]>> = {
  'housing.no-hot-water': [1500, 24],
  'housing.no-cold-water': [1500, 24],
  'housing.no-heating': [1500, 24],
  'housing.power-outage': [2000, 12],
  'housing.yard-snow': [200, 24],
  'transport.pothole': [100, 336],
  'transport.road-repair': [300, 336],
  'transport.street-lighting': [300, 168],
  'transport.road-snow': [500, 24],
  'transport.traffic-light': [100, 48],
  'transport.bus-interval': [3000, 12],
  'ecology.tko-overflow': [150, 48],
  'ecology.dump': [300, 336],
  'ecology.air-smell': [5000, 12],
  'ecology.landfill': [5000, 336],
  'construction.night-works': [500, 24],
  'construction.long-term': [300, 720],
  'safety.noise': [200, 12],
  'safety.open-manhole': [50, 168],
  'safety.fire-hazard': [1000, 12],
  'public-services.portal-failure': [100_000, 6],
  'public-services.connectivity': [3000, 336],
  'health.ambulance': [1000, 6],
};
const DEFAULT_DUPLICATE_RULE = [300, 48] as const;

function cat(code: string, name: string, kind: CategoryKind, deadlineHours: number): CategorySeed {
  const dot = code.indexOf('.');
  const [duplicateRadiusM, duplicateWindowHours] = DUPLICATE_RULES[code] ?? DEFAULT_DUPLICATE_RULE;
  return {
    code,
    blockCode: code.slice(0, dot),
    name,
    kind,
    deadlineHours,
    // A building or program answer is counted in working days (8 at most); a fix on the spot in hours.
    deadlineWorkingDays: kind === 'resource' ? Math.round(deadlineHours / 24) : null,
    duplicateRadiusM,
    duplicateWindowHours,
  };
}

const op = (code: string, name: string, hours: 24 | 48): CategorySeed =>
  cat(code, name, 'operational', hours);
const res = (code: string, name: string, hours: number): CategorySeed => cat(code, name, 'resource', hours);

export const CATEGORIES: CategorySeed[] = [
  // ЖКХ
  op('housing.no-hot-water', 'Отсутствие горячего водоснабжения', 24),
  op('housing.no-cold-water', 'Отсутствие холодного водоснабжения', 24),
  op('housing.no-heating', 'Отсутствие или недостаточное отопление', 24),
  op('housing.power-outage', 'Отключение электроснабжения', 24),
  op('housing.roof-leak', 'Протечка кровли', 48),
  op('housing.stairwell-cleaning', 'Отсутствие или несоблюдение графика уборки подъезда', 48),
  op('housing.lift-broken', 'Неисправный лифт', 24),
  op('housing.stairwell-lighting', 'Неисправное освещение в подъезде', 24),
  op('housing.sewer-blockage', 'Засор канализации, протечка канализационной трубы', 24),
  op('housing.yard-snow', 'Неубранный снег и наледь на придомовой территории', 24),
  op('housing.utility-bills', 'Несогласие с начислением платы за ЖКУ', 48),
  res('housing.capital-repair', 'Капитальный ремонт МКД: сроки и качество работ', 192),
  res('housing.yard-improvement', 'Благоустройство двора, детские и спортивные площадки', 168),
  res('housing.gasification', 'Газификация населённого пункта, подключение к газу', 192),

  // Транспорт и дороги
  op('transport.pothole', 'Ямы и выбоины на дороге', 48),
  op('transport.street-lighting', 'Неработающее уличное освещение', 48),
  op('transport.road-snow', 'Неубранный снег и наледь на дорогах и тротуарах', 24),
  op('transport.bus-interval', 'Нарушение интервалов движения общественного транспорта', 48),
  op('transport.traffic-light', 'Неисправный светофор', 24),
  op('transport.road-signs', 'Отсутствие или повреждение дорожных знаков и разметки', 48),
  op('transport.bus-stop', 'Неудовлетворительное состояние остановочного павильона', 48),
  op('transport.illegal-parking', 'Парковка на газонах и тротуарах', 48),
  res('transport.bus-route', 'Организация или изменение маршрута общественного транспорта', 168),
  res('transport.road-repair', 'Требуется ремонт дороги', 192),
  res('transport.sidewalk', 'Строительство тротуара или пешеходной дорожки', 168),

  // Экология
  op('ecology.tko-overflow', 'Переполненные контейнеры, несвоевременный вывоз ТКО', 24),
  op('ecology.dump', 'Несанкционированная свалка', 48),
  op('ecology.construction-waste', 'Строительный мусор', 48),
  op('ecology.air-smell', 'Неприятный запах, выбросы в атмосферу', 48),
  op('ecology.tree-fallen', 'Упавшее или аварийное дерево', 24),
  op('ecology.stray-dogs', 'Безнадзорные собаки', 48),
  res('ecology.landfill', 'Полигон ТКО: запах, рекультивация', 192),
  res('ecology.container-site', 'Обустройство контейнерной площадки', 120),

  // Здравоохранение
  op('health.doctor-appointment', 'Невозможно записаться к врачу', 24),
  op('health.clinic-queue', 'Очереди в поликлинике', 48),
  op('health.drug-supply', 'Льготное лекарственное обеспечение', 48),
  op('health.ambulance', 'Длительное ожидание скорой помощи', 24),
  op('health.home-visit', 'Неявка врача на дом', 24),
  res('health.clinic-renovation', 'Ремонт или строительство поликлиники, ФАП', 192),
  res('health.specialist-shortage', 'Нехватка врачей узких специальностей', 168),

  // Образование
  op('education.school-meals', 'Питание в школе или детском саду', 48),
  op('education.school-transport', 'Работа школьного автобуса', 48),
  op('education.school-enrollment', 'Запись в первый класс, перевод в другую школу', 48),
  op('education.school-heating', 'Холодно в школе или детском саду', 24),
  res('education.kindergarten-place', 'Нет мест в детском саду', 168),
  res('education.school-building', 'Ремонт и строительство школ', 192),

  // Соцзащита
  op('social.payments-delay', 'Задержка социальных выплат', 48),
  op('social.benefits', 'Оформление льгот и мер социальной поддержки', 48),
  op('social.large-family', 'Меры поддержки многодетных семей', 48),
  op('social.elderly-care', 'Социальное обслуживание пожилых граждан на дому', 48),
  res('social.disabled-access', 'Доступная среда для маломобильных граждан', 120),
  res('social.rehab-equipment', 'Обеспечение техническими средствами реабилитации', 120),

  // Строительство
  op('construction.night-works', 'Шумные строительные работы в ночное время', 24),
  op('construction.site-dirt', 'Грязь со стройплощадки на дорогах', 24),
  op('construction.illegal-building', 'Самовольное строительство', 48),
  res('construction.long-term', 'Долгострой', 192),
  res('construction.defrauded-shareholders', 'Обманутые дольщики', 192),
  res('construction.new-building-defects', 'Недостатки в новостройке в гарантийный период', 120),

  // Нацпроекты и торги
  op('national-projects.tender-violation', 'Нарушения при проведении торгов', 48),
  op('national-projects.work-quality', 'Качество работ подрядчика по нацпроекту', 48),
  res(
    'national-projects.comfortable-environment',
    'Комфортная городская среда: благоустройство общественных пространств',
    192,
  ),
  res('national-projects.safe-roads', 'Ремонт дорог по нацпроекту «Безопасные качественные дороги»', 192),
  res('national-projects.contract-delay', 'Срыв сроков исполнения государственного контракта', 168),

  // Безопасность
  op('safety.illegal-trade', 'Незаконные нестационарные торговые объекты', 48),
  op('safety.noise', 'Нарушение тишины', 24),
  op('safety.open-manhole', 'Открытый люк колодца', 24),
  op('safety.fire-hazard', 'Пожароопасная ситуация, пал сухой травы', 24),
  op('safety.playground-hazard', 'Травмоопасное оборудование детской площадки', 24),

  // Госуслуги
  op('public-services.mfc-queue', 'Очереди и качество обслуживания в МФЦ', 48),
  op('public-services.portal-failure', 'Сбои портала госуслуг', 24),
  op('public-services.service-deadline', 'Нарушение сроков оказания государственной услуги', 48),
  res('public-services.land-plot', 'Предоставление земельного участка многодетной семье', 192),
  res('public-services.connectivity', 'Отсутствие мобильной связи и интернета в населённом пункте', 192),

  // СМИ и соцсети
  op('media.social-post', 'Публикация в соцсетях о проблеме', 24),
  op('media.press-article', 'Публикация в СМИ о проблеме', 24),
  op('media.fake-news', 'Недостоверная информация в соцсетях', 24),
  op('media.video-appeal', 'Видеообращение жителей', 24),
  op('media.collective-appeal', 'Коллективное обращение жителей', 48),
];

/**
 * The categories a matter may be put to the residents' vote on «Добродел» in: choices of how to spend a
 * programme's money where residents' preference is the point (which yard or public space to improve, where a
 * container site goes, how a bus route runs). Everything else is never voted on, resource-intensive or not:
 * a vote takes weeks, and a road an ambulance cannot pass, a school without heating, a clinic, gas or a
 * long-delayed building are duties with a deadline, not preferences. An allow-list, so a new category is
 * urgent until someone decides otherwise.
 */
export const VOTE_ELIGIBLE_CATEGORIES: ReadonlySet<string> = new Set([
  'housing.yard-improvement',
  'national-projects.comfortable-environment',
  'ecology.container-site',
  'transport.bus-route',
]);
