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
export { decorateForSource, fillTemplate, type TextPlace } from './render';
export type { TemplateSet } from './types';

/**
 * The classifier's training corpus: for every category code of db/seed/categories.ts, the ways residents phrase
 * that complaint, written as templates with placeholders for the place and durations (render.ts fills them).
 * It is training data written for the classifier; the demo simulator renders its messages from it too, so the
 * classifier learns the wording of the demo stream without depending on the simulator.
 */
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
