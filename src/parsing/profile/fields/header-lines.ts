import { foldForMatch } from '../../../text/index.js';
import type { SectionLine } from '../sections.js';

// Function words that run through sentences, not through titles, names and places.
const SENTENCE_WORDS = new Set(
  (
    'the and of with to for in on a an is are was were has have had i my our we this that which who from by as ' +
    'de et des les la le du pour avec dans sur une un est sont ai mes nos nous qui que ce cette par au aux en'
  ).split(' '),
);
const CONTINUATION_START =
  /^(?:and|or|of|the|to|in|with|for|on|by|et|ou|de|des|du|pour|avec|dans|sur|par)\b/u;
const ABBREVIATION_END = /\b(?:inc|ltd|co|corp|pvt|jr|sr|st|dr|mr|mrs|ms|ste|cie|etc)\.$/iu;

/**
 * Whether a text reads as a sentence rather than a heading, title, name or place: many words, several
 * function words, or a sentence's end after a few words.
 */
export function isSentenceLike(text: string): boolean {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const functionWords = foldForMatch(text)
    .split(/[^\p{L}]+/u)
    .filter((word) => SENTENCE_WORDS.has(word)).length;
  if (words.length > 16 || functionWords >= 4) return true;
  return words.length >= 5 && /[.!?;]$/u.test(text.trim()) && !ABBREVIATION_END.test(text.trim());
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
  if (isBulletLine(line)) return false;
  const text = line.text.trim();
  if (text.length === 0 || text.split(/\s+/).length > 12) return false;
  if (/^https?:|www\.|@/iu.test(text)) return false;
  if (/[.;!?]$/u.test(text) && !ABBREVIATION_END.test(text)) return false;
  if (CONTINUATION_START.test(text)) return false;
  return !isSentenceLike(text);
}
