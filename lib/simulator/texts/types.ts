/** Message templates per category code; see texts/render.ts for the placeholders. */
export type TemplateSet = Readonly<Record<string, readonly string[]>>;
