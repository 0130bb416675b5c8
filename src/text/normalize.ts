/** Lower-case and strip accents: `Électricien` → `electricien`. Keeps string length for ASCII-foldable text. */
export function foldAccents(text: string): string {
  // ASCII only: nothing to fold (the common case for words and short labels).
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE');
}

/** Folded, lower-cased, punctuation turned into single spaces. For keys and lookups, not for display. */
export function normalizeKey(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Collapse runs of spaces/tabs, trim each line, drop empty runs of more than one blank line. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v\u00a0\u202f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
