import { type CvHeadingKind, foldTerm, fromEveryLocale } from '../../locale/index.js';
import { foldForMatch } from '../../text/index.js';

/** A section kind a heading names, or `other` for a section of none of them (awards, projects, links). */
export type HeadingWordKind = CvHeadingKind | 'other';

/** Folded heading words of every language (`cvHeadingWords` in `src/locale/<language>/cv-headings.ts`). */
const WORDS: readonly { phrase: string; kind: HeadingWordKind }[] = fromEveryLocale((locale) =>
  (Object.entries(locale.cvHeadingWords) as [HeadingWordKind, readonly string[]][]).flatMap(([kind, words]) =>
    words.map((word) => ({
      phrase: foldTerm(word)
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
      kind,
    })),
  ),
);
/** Words a heading can end with: the last word of a heading word, or a noun every heading language uses. */
const LAST_WORDS = new Set([
  ...WORDS.map((word) => word.phrase.split(' ').at(-1)!),
  ...'background history record details information focus data'.split(' '),
]);
/**
 * Words that end a heading joining two ("EDUCATION & CERTIFICATION", "Education and Licensure"), not one
 * alone ("CPR Certification", "Forklift Training Certificate" are entries).
 */
const COMBINED_LAST_WORDS = new Set('certification certificate licensure license licence'.split(' '));
/** Small words a title-case heading may leave in lower case ("Education and other Skills"). */
const MINOR_WORDS = new Set(
  'and of the other for in at to my a an et de des du la le les d l en mes'.split(' '),
);

// A qualification in a subject ("Bachelor's Degree in Physical Education", "Master of Education",
// "Associate's Degree - Education"): an
// entry of the education section, not a heading, even when it ends with a heading word.
const NAMES_A_DEGREE =
  /^(?:bachelor|master|associate|doctor|diploma|degree|certificate)(?:['’]?s)?(?:\s+degree)?(?:\s+(?:of|in)\s|\s*[-–,]\s*\p{L})/iu;

/**
 * Whether a line has a heading's shape: one to six words, no digits or addresses, no sentence end, and
 * written in capitals, in title case, or ending with a colon.
 */
function isHeadingShaped(text: string): boolean {
  const trimmed = text.trim();
  if (/[\d@]|https?:|www\./iu.test(trimmed) || /[.;!?,–—-]$/u.test(trimmed)) return false;
  const words = trimmed.replace(/:$/u, '').match(/[\p{L}'’]+/gu) ?? [];
  if (words.length === 0 || words.length > 6) return false;
  const letters = words.join('');
  if (letters === letters.toUpperCase() && letters.length >= 3) return true;
  if (trimmed.endsWith(':')) return true;
  return words.every((word) => /^\p{Lu}/u.test(word) || MINOR_WORDS.has(foldForMatch(word)));
}

/**
 * The kind of section a heading-shaped line names by its words, when it is not one of the headings
 * written out in the locale tables: "Career Experience/Job History" → experience, "ACADEMIC
 * QUALIFICATIONS" → education, "Areas of Expertise" → skills, "Career Focus" → profile, "LINKS" → other.
 * The line must end with a heading word ("Technical Support Engineer" is a title, not a heading); the
 * earliest heading word in it decides, the longest on a tie.
 */
export function headingKindByWords(text: string): HeadingWordKind | null {
  if (!isHeadingShaped(text) || NAMES_A_DEGREE.test(text.trim())) return null;
  const folded = ` ${foldForMatch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
  const last = folded.trim().split(' ').at(-1) ?? '';
  const joinsTwo = /\s(?:&|and|et)\s/iu.test(text);
  if (!LAST_WORDS.has(last) && !(joinsTwo && COMBINED_LAST_WORDS.has(last))) return null;
  let best: { index: number; length: number; kind: HeadingWordKind } | null = null;
  // "Highlights of Employment", "Areas of Expertise", "Summary of Qualifications": what comes after "of"
  // names the section, when it is a heading word.
  const of = folded.indexOf(' of ');
  const from = of >= 0 && WORDS.some(({ phrase }) => folded.indexOf(` ${phrase} `, of + 3) >= 0) ? of + 3 : 0;
  for (const { phrase, kind } of WORDS) {
    const index = folded.indexOf(` ${phrase} `, from);
    if (index < 0) continue;
    if (!best || index < best.index || (index === best.index && phrase.length > best.length))
      best = { index, length: phrase.length, kind };
  }
  // "ACADEMIC / TEACHING EXPERIENCE", "Higher Education Experience", "Adjunct Academic Positions": a heading
  // that ends with an experience word lists jobs, whatever field the words before it name.
  if (best?.kind === 'education') {
    const ending = WORDS.find(({ phrase, kind }) => kind === 'experience' && folded.endsWith(` ${phrase} `));
    if (ending) return 'experience';
  }
  // "Achievements:" inside a job is a sub-heading, not a new section: `other` needs capitals or no colon.
  if (best?.kind === 'other' && text.trim().endsWith(':') && text !== text.toUpperCase()) return null;
  return best?.kind ?? null;
}
