/** Folded characters outside ASCII, memoised (a CV uses few distinct ones). */
const foldedCharacters = new Map<string, string>();

/** Lower-cases and removes accents one character at a time, so offsets in the result match the input. */
export function foldForMatch(text: string): string {
  // ASCII only (most CV lines): no accents, and lower-casing keeps every offset.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      out += char.toLowerCase();
      continue;
    }
    let folded = foldedCharacters.get(char);
    if (folded === undefined) {
      const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const lower = (base.length === 1 ? base : char).toLowerCase();
      folded = lower.length === char.length ? lower : char;
      if (foldedCharacters.size < 4096) foldedCharacters.set(char, folded);
    }
    out += folded;
  }
  return out;
}
