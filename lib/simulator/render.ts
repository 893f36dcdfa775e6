// The template renderer moved with the classifier's corpus (lib/classify/corpus/render.ts); plural stays
// importable from here for the callers that used it before it moved to the shared i18n module.
export { plural } from '../i18n/plural';
