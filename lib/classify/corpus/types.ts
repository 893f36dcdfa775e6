/** Phrasings per category code; see render.ts for the placeholders. */
export type TemplateSet = Readonly<Record<string, readonly string[]>>;
