import { type Commune, lookupCommune } from './lookup-commune.js';

/** A commune written in free text, with character offsets into that text. */
export interface CommuneMention {
  commune: Commune;
  /** The matched text, e.g. `69003 Lyon` or `Vénissieux (69)`. */
  text: string;
  start: number;
  end: number;
}

// A name: up to five words (letters, apostrophes, hyphens), the first capitalised. Cedex numbers allowed after.
const NAME = String.raw`\p{Lu}[\p{L}'’\-]*(?:[ \-](?:\p{L}[\p{L}'’\-]*|\d{1,2}(?:er|e|ème)?))*?`;
const PATTERNS = [
  // "69003 Lyon", "69200 Vénissieux Cedex"
  new RegExp(String.raw`(?<![\d\p{L}])(\d{2} ?\d{3})[ ,]+(${NAME})(?=$|[\s,.;:)\]/|–-]|\s+cedex)`, 'gu'),
  // "Lyon 69003", "Vénissieux (69200)", "Lyon (69)"
  new RegExp(String.raw`(?<![\p{L}])(${NAME})[ ,]*\(?(\d{2} ?\d{3}|\d{2}|2[AB])\)?(?![\d\p{L}])`, 'gu'),
];

/**
 * Finds place mentions that carry a postal code or département next to a name ("69003 Lyon",
 * "Vénissieux (69)", "Lyon 69003") and resolves them. Bare city names are not reported (too ambiguous in
 * free text). Only mentions whose name matches a commune of that postal code or département are kept;
 * sorted by position, overlapping mentions dropped.
 */
export function findCommuneMentions(text: string): CommuneMention[] {
  const found: CommuneMention[] = [];
  for (const [patternIndex, pattern] of PATTERNS.entries()) {
    for (const match of text.matchAll(pattern)) {
      const [postal, rawName] = patternIndex === 0 ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
      // Try the longest name first, then shorter ones: "69003 Lyon Part-Dieu" → "Lyon" (drop trailing words),
      // "Mission à Vénissieux (69)" → "Vénissieux" (drop leading words).
      const words = rawName.split(' ');
      const nameOffset = match.index + match[0].indexOf(rawName);
      for (let drop = 0; drop < words.length; drop++) {
        const kept = patternIndex === 0 ? words.slice(0, words.length - drop) : words.slice(drop);
        const name = kept.join(' ');
        const commune = lookupCommune(
          { city: name, postalCode: postal.replace(' ', '') },
          { approximate: false },
        );
        if (!commune || (commune.matchedBy !== 'name+postal-code' && commune.matchedBy !== 'name')) continue;
        const start = patternIndex === 0 ? match.index : nameOffset + rawName.length - name.length;
        const end = patternIndex === 0 ? nameOffset + name.length : match.index + match[0].length;
        found.push({ commune, text: text.slice(start, end), start, end });
        break;
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: CommuneMention[] = [];
  for (const mention of found) {
    const last = kept.at(-1);
    if (!last || mention.start >= last.end) kept.push(mention);
  }
  return kept;
}
