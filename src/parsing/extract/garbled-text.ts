/**
 * Text that did not decode into words. Three causes are recognised:
 * - glyph codes passed on as characters: a PDF font without a Unicode map (Identity-H without ToUnicode)
 *   yields control characters (`\u0001\u0002…`), private-use code points or U+FFFD instead of letters;
 * - icons and bullets drawn with symbol fonts (Wingdings, Font Awesome) come out as single private-use
 *   characters: not words, removed silently (the bullet ones mark a list item);
 * - mojibake: UTF-8 bytes read as Windows-1252 ("Ã©" for "é", "â€“" for "–"), repaired when the bytes
 *   decode as UTF-8.
 */

// Characters that are never part of a written word.
const GARBLED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD\uFFFE\uFFFF\u{F0000}-\u{10FFFF}]|\p{Cs}/gu;
const GARBLED_ONE =
  /^(?:[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF\uFFFD\uFFFE\uFFFF\u{F0000}-\u{10FFFF}]|\p{Cs})$/u;

/** Symbol-font bullets (Symbol/Wingdings code points in the private-use area). */
const SYMBOL_BULLET = /^[\uF06E\uF076\uF0A7\uF0A8\uF0B7\uF0D8\uF0E8\uF0FC]\s+/u;

// Windows-1252 characters of the bytes 0x80–0x9F (undefined bytes keep their C1 code point).
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const byteOf = new Map<string, number>(
  Array.from(CP1252_HIGH, (character, index) => [character, 0x80 + index]),
);
const CONTINUATION = `[${CP1252_HIGH}\\u00A0-\\u00BF]`;
// A UTF-8 sequence written with Windows-1252 characters: a lead byte and its continuation bytes.
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF]${CONTINUATION}|[\\u00E0-\\u00EF]${CONTINUATION}{2}|[\\u00F0-\\u00F4]${CONTINUATION}{3}`,
  'gu',
);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The result of cleaning one line. */
export interface GarbledScan {
  text: string;
  /** Characters left out because they were not text (icons not counted). */
  garbledCount: number;
  /** Mojibake sequences repaired. */
  repairedCount: number;
  /** The line started with a symbol-font bullet. */
  bullet: boolean;
}

/** Repairs UTF-8 read as Windows-1252 ("AcadÃ©mie" → "Académie"); `count` says how many sequences. */
export function repairMojibake(text: string): { text: string; count: number } {
  let count = 0;
  const repaired = text
    .replace(MOJIBAKE, (sequence) => {
      const bytes = Uint8Array.from(
        Array.from(sequence),
        (character) => byteOf.get(character) ?? character.charCodeAt(0),
      );
      try {
        const decoded = utf8.decode(bytes);
        count += 1;
        return decoded;
      } catch (error) {
        if (error instanceof TypeError) return sequence; // not valid UTF-8: left as written
        throw error;
      }
    })
    // "Â" + no-break space (C2 A0) whose no-break space was already turned into a plain space.
    .replace(/(?<=\p{L}|\s|^)Â(?= )/gu, () => {
      count += 1;
      return '';
    });
  return { text: repaired, count };
}

/**
 * Cleans a line: repairs mojibake, removes lone private-use symbols (icons) and leaves out words made
 * mostly of non-text characters (glyph codes), counting what was left out.
 */
export function removeGarbledText(line: string): GarbledScan {
  const bullet = SYMBOL_BULLET.test(line);
  const { text: repaired, count: repairedCount } = repairMojibake(
    bullet ? line.replace(SYMBOL_BULLET, '') : line,
  );
  GARBLED.lastIndex = 0;
  if (!GARBLED.test(repaired)) return { text: repaired, garbledCount: 0, repairedCount, bullet };
  let garbledCount = 0;
  const text = repaired.replace(/\S+/gu, (token) => {
    const characters = Array.from(token);
    const garbled = characters.filter((character) => GARBLED_ONE.test(character)).length;
    if (garbled === 0) return token;
    // A lone private-use symbol (an icon before a phone number, a bullet): not text, not an error.
    if (characters.length === 1 && /[\uE000-\uF8FF]/u.test(token)) return '';
    garbledCount += garbled * 2 >= characters.length ? characters.length : garbled;
    return garbled * 2 >= characters.length ? '' : token.replace(GARBLED, '');
  });
  return { text, garbledCount, repairedCount, bullet };
}
