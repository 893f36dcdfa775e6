// The phrasings are the classifier's corpus, which the simulator renders; the bench and the simulator's tests
// still draw complaint texts from here.
export { CATEGORY_TEXTS, INCIDENT_TEXTS, type TemplateSet } from '../classify/corpus';
