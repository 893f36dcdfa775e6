/** Hand-written training phrases: category code → how residents actually word that problem. */
export type Lexicon = Readonly<Record<string, readonly string[]>>;
