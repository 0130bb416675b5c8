import { foldForMatch } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';

// Words that make a sentence (pronouns, verbs, relatives), not a heading, title, name or place.
const SENTENCE_MARKERS = new Set(
  (
    'my we our was were is are has have had will would can could should which who whom that this these ' +
    'those been being je nous mon mes notre nos ai suis sont etait avons avez qui que dont cette ces'
  ).split(' '),
);
// Function words; names of degrees and employers have some ("Master of Science in …"), sentences many.
const FUNCTION_WORDS = new Set(
  'the and of with to for in on a an from by as de et des les la le du pour avec dans sur une un par au aux en'.split(
    ' ',
  ),
);
const CONTINUATION_START =
  /^(?:and|or|of|the|to|in|with|for|on|by|et|ou|de|des|du|pour|avec|dans|sur|par)\b/u;
const ABBREVIATION_END = /\b(?:inc|ltd|co|corp|pvt|jr|sr|st|dr|mr|mrs|ms|ste|cie|etc)\.$/iu;

/**
 * Whether a text reads as a sentence rather than a heading, title, name or place: many words, pronouns or
 * verbs, mostly function words, or a sentence's end after a few words.
 */
export function isSentenceLike(text: string): boolean {
  const words = foldForMatch(text)
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);
  if (words.length === 0) return false;
  // "I" and "j'" as written (a folded "i" can be a letter of a broken glyph).
  const markers =
    words.filter((word) => SENTENCE_MARKERS.has(word)).length +
    (text.match(/(?:^|\s)I(?=[\s'’])|(?:^|\s)[Jj]['’]/gu)?.length ?? 0);
  const functionWords = words.filter((word) => FUNCTION_WORDS.has(word)).length;
  if (words.length > 18 || markers >= 2 || (markers === 1 && words.length > 5)) return true;
  if (functionWords >= 5 && functionWords / words.length > 0.35) return true;
  return words.length >= 6 && /[.!?;]$/u.test(text.trim()) && !ABBREVIATION_END.test(text.trim());
}

/**
 * A page's running header or footer: "Page 2 of 3", "Jane Doe, page 2 of 2", "Jane Doe, Curriculum Vitae,
 * April 2013", "Jane Doe – CV – page 2" (not "Resume Writer, Acme, 2019").
 */
export function isRunningHeader(text: string): boolean {
  return (
    /\b(?:page|p\.)\s*\d+\s*(?:of|\/|sur)\s*\d+\b/iu.test(text) ||
    (/\b(?:curriculum vitae|page\s*\d+)\b/iu.test(text) && /[,|–—-]/u.test(text))
  );
}

/** A bullet, or a line led by a symbol any template may use as one ("➢", "〓", "❖"). */
export function isBulletLine(line: SectionLine): boolean {
  return line.isBullet || /^[\p{So}\p{Co}]/u.test(line.text);
}

/**
 * Whether a line can be part of an entry's header (title, employer, place, dates): not a bullet, short,
 * not a sentence, not the lower-case continuation of one, not a link or an e-mail address.
 */
export function isHeaderLike(line: SectionLine): boolean {
  if (isBulletLine(line) || isRunningHeader(line.text)) return false;
  const text = line.text.trim();
  if (text.length === 0 || text.split(/\s+/).length > 12) return false;
  if (/^https?:|www\.|@/iu.test(text)) return false;
  // A final dot ends a sentence, not a short header line ("Freelance Android Developer.", "Acme, Burbank.").
  if (
    /[;!?]$/u.test(text) ||
    (/\.$/u.test(text) && !ABBREVIATION_END.test(text) && text.split(/\s+/).length > 5)
  )
    return false;
  if (CONTINUATION_START.test(text)) return false;
  return !isSentenceLike(text);
}
