/**
 * Characters that render as nothing: zero-width spaces and joiners, direction marks, word joiners,
 * the byte-order mark and Unicode tag characters. They are a known route to smuggle instructions
 * past a human reader into an LLM, so they are removed and reported.
 */
const invisiblePattern = /[\u200B-\u200F\u2060-\u2064\uFEFF\u{E0000}-\u{E007F}]/gu;

/** Text with invisible characters removed, and what they carried. */
export interface InvisibleCharacterScan {
  text: string;
  /** How many invisible characters were removed. */
  removedCount: number;
  /** ASCII text smuggled in Unicode tag characters (U+E0020–U+E007E map to ASCII), if any. */
  taggedText: string;
}

/** Removes zero-width, direction-mark and tag characters from `text`. */
export function removeInvisibleCharacters(text: string): InvisibleCharacterScan {
  let removedCount = 0;
  let taggedText = '';
  const cleaned = text.replace(invisiblePattern, (character) => {
    removedCount += 1;
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= 0xe0020 && codePoint <= 0xe007e) taggedText += String.fromCodePoint(codePoint - 0xe0000);
    return '';
  });
  return { text: cleaned, removedCount, taggedText };
}

/** Whether `text` contains any invisible character. */
export function hasInvisibleCharacters(text: string): boolean {
  invisiblePattern.lastIndex = 0;
  const found = invisiblePattern.test(text);
  invisiblePattern.lastIndex = 0;
  return found;
}
