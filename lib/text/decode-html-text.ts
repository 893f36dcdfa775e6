/*
 * Feeds of other GeoReport servers carry text written for a web page: `&quot;`, `&#1055;`, `<br>`. This turns
 * it back into plain text. The named entities are the ones such texts use; an unknown one is left as written.
 */
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  numero: '№',
  deg: '°',
  copy: '©',
  shy: '',
};

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;
const BREAK_TAG_RE = /<\s*(?:br|\/p|\/div|\/li)\s*\/?\s*>/gi;
const TAG_RE = /<\/?[a-zA-Z][^<>]{0,200}>/g;
const MARKUP_RE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[a-zA-Z]{2,8});|<\/?[a-zA-Z][^<>]{0,200}>/;

function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (all, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? all;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : all;
  });
}

export interface DecodedText {
  text: string;
  /** True when entities or tags were found (the import reports how many texts needed it). */
  changed: boolean;
}

/**
 * Plain text from web-page text: line-breaking tags become newlines, other tags go, entities are decoded (twice,
 * for the `&amp;quot;` a double-escaping server sends), and runs of spaces collapse.
 */
export function decodeHtmlText(raw: string): DecodedText {
  let text = raw.replace(BREAK_TAG_RE, '\n').replace(TAG_RE, '');
  text = decodeEntities(decodeEntities(text));
  text = text
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, changed: MARKUP_RE.test(raw) };
}
