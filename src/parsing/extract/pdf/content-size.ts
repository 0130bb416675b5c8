/**
 * Sizes past which a PDF's drawing instructions are refused before pdfjs reads them. pdfjs parses a content
 * stream in steps the extractor's deadline cannot interrupt, and a long string token costs it far more than
 * its size: one string of 1 MB took 5 s and 650 MB, one of 100 MB minutes and past 1 GB. A CV's page is a
 * few hundred KB of operators whose strings are a line of text at most (a few hundred bytes; a few KB when
 * a whole paragraph is one string), so these limits are far from any real document.
 */

/** Largest decoded content stream (page or form), bytes. */
export const maxContentStreamBytes = 16 * 1024 * 1024;
/** Longest string token (literal `(…)` or hex `<…>`) in a content stream, bytes. */
export const maxContentStringBytes = 64 * 1024;

const isSpace = (byte: number | undefined) =>
  byte === undefined ||
  byte === 0x20 ||
  byte === 0x0a ||
  byte === 0x0d ||
  byte === 0x09 ||
  byte === 0x0c ||
  byte === 0x00;

/**
 * The length of the longest string token of a decoded content stream, bytes. Comments and inline image data
 * (between `ID` and `EI`, binary, where a `(` is no string) are skipped.
 */
export function longestContentString(bytes: Uint8Array): number {
  let longest = 0;
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const byte = bytes[index];
    if (byte === 0x25) {
      // `%` comment, to the end of the line.
      while (index < length && bytes[index] !== 0x0a && bytes[index] !== 0x0d) index += 1;
    } else if (byte === 0x28) {
      // `(` literal string: balanced parentheses, `\` escapes the next byte.
      const start = index;
      let depth = 1;
      index += 1;
      while (index < length && depth > 0) {
        const next = bytes[index];
        if (next === 0x5c) index += 1;
        else if (next === 0x28) depth += 1;
        else if (next === 0x29) depth -= 1;
        index += 1;
      }
      longest = Math.max(longest, index - start);
      continue;
    } else if (byte === 0x3c && bytes[index + 1] !== 0x3c) {
      // `<` hex string (`<<` opens a dictionary).
      const start = index;
      while (index < length && bytes[index] !== 0x3e) index += 1;
      longest = Math.max(longest, index + 1 - start);
    } else if (
      byte === 0x49 &&
      bytes[index + 1] === 0x44 &&
      isSpace(bytes[index - 1]) &&
      isSpace(bytes[index + 2])
    ) {
      // `ID`: inline image data up to `EI` between white space.
      index += 3;
      while (
        index < length &&
        !(
          bytes[index] === 0x45 &&
          bytes[index + 1] === 0x49 &&
          isSpace(bytes[index - 1]) &&
          isSpace(bytes[index + 2])
        )
      )
        index += 1;
      index += 2;
      continue;
    }
    index += 1;
  }
  return longest;
}
