import { decodeWindows1252 } from '../text-file.js';

/** Destinations whose content is never text of the document (fonts, styles, pictures, field codes…). */
export const skippedDestinations = new Set([
  'fonttbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'listtable',
  'listoverridetable',
  'rsidtbl',
  'generator',
  'filetbl',
  'revtbl',
  'fldinst',
  'bkmkstart',
  'bkmkend',
  'sp',
  'nonshppict',
  'footnote',
  'annotation',
  'atnid',
  'atnauthor',
  'template',
  'userprops',
  'docvar',
  'passwordhash',
  'wgrffmtfilter',
  'pgdsctbl',
  'mmathPr',
  'objdata',
  'blipuid',
  'fontemb',
  'fontfile',
  'operator',
  'author',
  'title',
  'subject',
  'keywords',
  'comment',
  'doccomm',
]);
export const headerWords = new Set(['header', 'headerl', 'headerr', 'headerf']);
export const footerWords = new Set(['footer', 'footerl', 'footerr', 'footerf']);
export const symbolWords: Record<string, string> = {
  bullet: '•',
  endash: '–',
  emdash: '—',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  enspace: ' ',
  emspace: ' ',
  qmspace: ' ',
  tab: '\t',
  line: '\n',
};

/** A decoder for `\\ansicpgN` (Windows code pages; 1252 decoded by our own table). */
export function decoderFor(codePage: number): (bytes: Uint8Array) => string {
  if (codePage === 1252 || codePage === 0) return decodeWindows1252;
  try {
    const decoder = new TextDecoder(codePage === 65001 ? 'utf-8' : `windows-${codePage}`);
    return (bytes) => decoder.decode(bytes);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return decodeWindows1252;
  }
}

/** Parses `\red255\green255\blue255;` entries of a colour table. */
export function parseColourTable(body: string): ([number, number, number] | null)[] {
  return body
    .split(';')
    .slice(0, -1)
    .map((entry) => {
      const channel = (name: string) =>
        Number(new RegExp(`\\\\${name}(\\d+)`).exec(entry)?.[1] ?? Number.NaN);
      const colour: [number, number, number] = [channel('red'), channel('green'), channel('blue')];
      return colour.every(Number.isFinite) ? colour : null;
    });
}

/** Paragraph styles named `heading N` / `Titre N` in the stylesheet: style number → level. */
export function readHeadingStyles(source: string): Map<number, number> {
  const levels = new Map<number, number>();
  for (const match of source.matchAll(/\{\\s(\d+)[^{}]*?(?:heading|titre)\s*(\d)\s*;\}/gi)) {
    levels.set(Number(match[1]), Math.min(6, Number(match[2])));
  }
  return levels;
}
