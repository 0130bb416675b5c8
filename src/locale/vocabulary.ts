import { CvmatchError } from '../errors.js';
import { foldAccents } from '../text/normalize.js';

/**
 * A vocabulary entry: a word or phrase as it is written, in a small notation read by `compileVocabulary`.
 *
 * - Letters, digits, spaces and apostrophes stand for themselves. Accents and capitals are folded when the
 *   vocabulary is compiled (`foldAccents`, default on): write `nationalité`, it matches `nationalite`.
 *   A space matches one space: match against normalised text (folded, punctuation as single spaces).
 * - `*` at the end of a word: the word may go on (`religi*` matches "religion", "religieux").
 * - `?` after a letter: the letter is optional (`mariée?s?` matches "marie", "mariee", "maries", "mariees").
 * - `(a|b|c)`: one of the alternatives, tried in order; an empty one makes the group optional, kept if it
 *   can be (`(de nationalité |)française`).
 * - `{name}`: one of the phrases of the slot `name` (see `VocabularyOptions.slots`).
 * - Anything else (`.`, `&`, `-`, `€`…) stands for itself (escaped where a regular expression needs it).
 *
 * `{ pattern }` is a regular expression source on the normalised text, for the few rules that need more
 * (digits, "not followed by"); keep those rare, a word list is easier to extend.
 */
export type VocabularyEntry = string | { readonly pattern: string };

export interface VocabularyOptions {
  /** Fold accents and lower-case the entries (the text must be folded the same way). Default true. */
  foldAccents?: boolean;
  /**
   * Word boundaries around each entry: `word` (default) on both sides (none after a final `*`), `start`
   * before only, `none` for fragments that the caller anchors itself. Boundaries are `\b`, made for folded
   * text (an accented letter is not a word character to `\b`).
   */
  boundary?: 'word' | 'start' | 'none';
  /** Phrases a `{name}` in an entry stands for, e.g. `{ subject: ['êtes vous', 'es tu'] }`. */
  slots?: Readonly<Record<string, readonly string[]>>;
  /** Flags of the compiled expression (`g`, `u`…). Default none. */
  flags?: string;
}

/** How the compiler folds an entry's words: what `foldAccents(text).toLowerCase()` does to a text. */
export function foldTerm(term: string): string {
  return foldAccents(term).toLowerCase();
}

const SPECIAL = /[.+^$\\[\]{}()|?*]/;

/**
 * Each character of an entry, folded and escaped: memoised, since the module-level vocabularies compile
 * tens of thousands of characters at start-up and `foldTerm` (NFD + replacements) per character was most
 * of `import('cvmatch')`'s own time.
 */
const foldedCharacters = new Map<string, string>();
function foldedCharacter(char: string): string {
  let folded = foldedCharacters.get(char);
  if (folded === undefined) {
    const term = foldTerm(char);
    folded = SPECIAL.test(term) ? `\\${term}` : term;
    foldedCharacters.set(char, folded);
  }
  return folded;
}

/** The regular expression source of one entry (no boundaries). */
function entryBody(entry: string, options: VocabularyOptions, depth = 0): string {
  let out = '';
  for (let index = 0; index < entry.length; index++) {
    const char = entry[index]!;
    if (char === '*') out += '\\w*';
    else if (char === '(') out += '(?:';
    else if (char === ')' || char === '|' || char === '?') out += char;
    else if (char === '{') {
      const close = entry.indexOf('}', index);
      const name = entry.slice(index + 1, close);
      const phrases = options.slots?.[name];
      if (close < 0 || !phrases)
        throw new CvmatchError(`vocabulary entry "${entry}": unknown slot {${name}}`);
      if (depth > 3) throw new CvmatchError(`vocabulary entry "${entry}": slots nested too deep`);
      out += `(?:${phrases.map((phrase) => entryBody(phrase, options, depth + 1)).join('|')})`;
      index = close;
    } else if (options.foldAccents === false) out += SPECIAL.test(char) ? `\\${char}` : char;
    else out += foldedCharacter(char);
  }
  return out;
}

/** The regular expression source of one entry, with its boundaries. */
export function entrySource(entry: VocabularyEntry, options: VocabularyOptions = {}): string {
  if (typeof entry !== 'string') return entry.pattern;
  const body = entryBody(entry, options);
  const boundary = options.boundary ?? 'word';
  if (boundary === 'none') return body;
  const end = boundary === 'word' && !entry.endsWith('*') ? '\\b' : '';
  return `\\b${body}${end}`;
}

/** One alternation of all the entries, in order (the first that matches at a place wins). */
export function vocabularySource(
  entries: readonly VocabularyEntry[],
  options: VocabularyOptions = {},
): string {
  if (entries.length === 0) return '(?!)';
  return entries.map((entry) => `(?:${entrySource(entry, options)})`).join('|');
}

/** Compiles a vocabulary to one regular expression. Compile once (at module load), not per call. */
export function compileVocabulary(
  entries: readonly VocabularyEntry[],
  options: VocabularyOptions = {},
): RegExp {
  return new RegExp(vocabularySource(entries, options), options.flags ?? '');
}

/**
 * Compiles vocabularies grouped by category (`{ pay: [...], hours: [...] }`) to one expression each, in the
 * order of `categories` (callers test them in that order).
 */
export function compileVocabularies<Category extends string>(
  categories: readonly Category[],
  entries: (category: Category) => readonly VocabularyEntry[],
  options: VocabularyOptions = {},
): [RegExp, Category][] {
  return categories.map((category) => [compileVocabulary(entries(category), options), category]);
}
