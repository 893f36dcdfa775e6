import { CONSTRUCTION_TEXTS } from './construction';
import { ECOLOGY_TEXTS } from './ecology';
import { EDUCATION_TEXTS } from './education';
import { HEALTH_TEXTS } from './health';
import { HOUSING_TEXTS } from './housing';
import { MEDIA_TEXTS } from './media';
import { NATIONAL_PROJECTS_TEXTS } from './national-projects';
import { PUBLIC_SERVICES_TEXTS } from './public-services';
import { SAFETY_TEXTS } from './safety';
import { SOCIAL_TEXTS } from './social';
import { TRANSPORT_TEXTS } from './transport';
import type { TemplateSet } from './types';

export { INCIDENT_TEXTS } from './incidents';
export type { TemplateSet } from './types';

/** Message templates for every category code of db/seed/categories.ts. */
export const CATEGORY_TEXTS: TemplateSet = {
  ...HOUSING_TEXTS,
  ...TRANSPORT_TEXTS,
  ...ECOLOGY_TEXTS,
  ...HEALTH_TEXTS,
  ...EDUCATION_TEXTS,
  ...SOCIAL_TEXTS,
  ...CONSTRUCTION_TEXTS,
  ...NATIONAL_PROJECTS_TEXTS,
  ...SAFETY_TEXTS,
  ...PUBLIC_SERVICES_TEXTS,
  ...MEDIA_TEXTS,
};
