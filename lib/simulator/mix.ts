/*
 * The message mix of a real regional center: ЖКХ and roads dominate (press reports of the Moscow Oblast ЦУР),
 * the rest is spread over the other blocks. Within a block, category weights say how common a topic is.
 */

export const BLOCK_WEIGHTS: Readonly<Record<string, number>> = {
  housing: 33,
  transport: 20,
  health: 10,
  ecology: 9,
  construction: 6,
  education: 5,
  social: 4,
  safety: 4,
  'public-services': 4,
  media: 3,
  'national-projects': 2,
};

/** Channel shares: Добродел carries the most, then social-network monitoring, then the hotline. */
export const SOURCE_WEIGHTS: Readonly<Record<string, number>> = {
  dobrodel: 40,
  incident: 28,
  'governor-hotline': 12,
  'call-112': 5,
  agencies: 5,
  municipal: 5,
  'sector-systems': 3,
  media: 2,
};

/** Relative frequency of a category inside its block; a code missing here gets weight 1. */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  'housing.no-hot-water': 9,
  'housing.no-cold-water': 6,
  'housing.no-heating': 10,
  'housing.power-outage': 6,
  'housing.roof-leak': 7,
  'housing.stairwell-cleaning': 9,
  'housing.lift-broken': 6,
  'housing.stairwell-lighting': 5,
  'housing.sewer-blockage': 5,
  'housing.yard-snow': 9,
  'housing.utility-bills': 8,
  'housing.capital-repair': 4,
  'housing.yard-improvement': 5,
  'housing.gasification': 3,

  'transport.pothole': 16,
  'transport.street-lighting': 10,
  'transport.road-snow': 12,
  'transport.bus-interval': 14,
  'transport.traffic-light': 4,
  'transport.road-signs': 5,
  'transport.bus-stop': 5,
  'transport.illegal-parking': 8,
  'transport.bus-route': 6,
  'transport.road-repair': 9,
  'transport.sidewalk': 4,

  'ecology.tko-overflow': 14,
  'ecology.dump': 8,
  'ecology.construction-waste': 10,
  'ecology.air-smell': 4,
  'ecology.tree-fallen': 4,
  'ecology.stray-dogs': 5,
  'ecology.landfill': 2,
  'ecology.container-site': 3,

  'health.doctor-appointment': 14,
  'health.clinic-queue': 8,
  'health.drug-supply': 9,
  'health.ambulance': 4,
  'health.home-visit': 5,
  'health.clinic-renovation': 3,
  'health.specialist-shortage': 5,

  'education.school-meals': 5,
  'education.school-transport': 3,
  'education.school-enrollment': 4,
  'education.school-heating': 3,
  'education.kindergarten-place': 6,
  'education.school-building': 3,

  'construction.long-term': 5,
  'construction.defrauded-shareholders': 4,
  'construction.night-works': 5,
  'construction.site-dirt': 4,
  'construction.illegal-building': 3,
  'construction.new-building-defects': 4,

  'safety.illegal-trade': 5,
  'safety.noise': 6,
  'safety.open-manhole': 3,
  'safety.fire-hazard': 3,
  'safety.playground-hazard': 3,

  'public-services.mfc-queue': 5,
  'public-services.portal-failure': 3,
  'public-services.service-deadline': 4,
  'public-services.land-plot': 3,
  'public-services.connectivity': 3,

  'media.social-post': 6,
  'media.press-article': 3,
  'media.fake-news': 2,
  'media.video-appeal': 2,
  'media.collective-appeal': 3,
};

const WINTER = [11, 12, 1, 2, 3];
const HEATING_SEASON = [10, 11, 12, 1, 2, 3, 4];

/**
 * Seasonal multiplier of a category's weight for a calendar month (1–12): snow only in winter, heating in the
 * heating season, planned hot-water shutdowns in summer, grass fires in spring and summer.
 */
export function seasonalFactor(categoryCode: string, month: number): number {
  switch (categoryCode) {
    case 'housing.yard-snow':
    case 'transport.road-snow':
      return WINTER.includes(month) ? 1.6 : 0;
    case 'housing.no-heating':
    case 'education.school-heating':
      return HEATING_SEASON.includes(month) ? 1.3 : 0.05;
    case 'housing.no-hot-water':
      return [5, 6, 7, 8].includes(month) ? 1.8 : 1;
    case 'safety.fire-hazard':
      return [4, 5, 6, 7, 8].includes(month) ? 2 : 0.2;
    case 'transport.pothole':
      return [3, 4, 5].includes(month) ? 1.6 : 1;
    case 'construction.night-works':
    case 'construction.site-dirt':
      return WINTER.includes(month) ? 0.7 : 1.2;
    default:
      return 1;
  }
}

/** Source shares for the media block: those messages are found in publications, not filed by residents. */
export const MEDIA_BLOCK_SOURCE_WEIGHTS: Readonly<Record<string, number>> = { incident: 70, media: 30 };

/** Emergencies reach 112 more often than the average topic does. */
export const EMERGENCY_CATEGORIES: ReadonlySet<string> = new Set([
  'housing.power-outage',
  'housing.no-heating',
  'housing.sewer-blockage',
  'health.ambulance',
  'ecology.tree-fallen',
  'safety.open-manhole',
  'safety.fire-hazard',
  'safety.noise',
  'transport.traffic-light',
]);
