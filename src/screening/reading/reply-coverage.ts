import type { ExtractedValues } from '../../domain/index.js';
import { memoise } from '../../support/memoise.js';
import { replyRules } from './reply-rules.js';

const global = (pattern: RegExp) =>
  pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);

/** Every expression whose words the rules read: what they match is explained. */
const readWords = memoise((): readonly RegExp[] => {
  const rules = replyRules();
  return [
    rules.POSITIVE_WITH_NEGATION,
    rules.ACKNOWLEDGEMENT,
    rules.BUSY,
    rules.COMMITTED_ELSEWHERE,
    rules.HEDGE,
    rules.UNSURE,
    rules.WEAK,
    ...rules.NEGATIVE,
    rules.NO_TRANSPORT,
    // Before the yes words: "j'ai ma caisse" is a way to come, not "j'ai ma" and a word left unread.
    ...rules.TRANSPORT.map(([pattern]) => pattern),
    rules.POSITIVE,
    rules.IMMEDIATE,
    rules.ABSENCE,
    rules.VALIDITY,
    rules.RESTRICTION,
    rules.DATE_CONTEXT,
    ...rules.QUESTION_ABOUT.map(([pattern]) => pattern),
  ].map(global);
});

/**
 * The words of a normalised reply that nothing the rules read accounts for: not a yes or no word, a
 * hedge, a date, a certificate, a way to come, a small word. "j'ai dit oui à une autre boîte" has "dit",
 * "autre", "boite" left: the "oui" may not be a yes to this job. Used to lower the confidence of a yes.
 */
export function unexplainedWords(normalized: string, extracted: ExtractedValues): string[] {
  let rest = ` ${normalized} `;
  for (const item of [...extracted.dates, ...extracted.certificates]) rest = rest.split(item.text).join(' ');
  for (const pattern of readWords()) rest = rest.replace(pattern, ' ');
  return rest
    .split(/[^a-z0-9]+/)
    .filter(
      (word) =>
        word.length > 1 &&
        !/\d/.test(word) &&
        !replyRules().FUNCTION_WORDS.has(word) &&
        !replyRules().COURTESY.has(word) &&
        !replyRules().DATE_FILLERS.has(word),
    );
}

/** Share of unexplained content words up to which a yes or a date keeps its confidence. */
const UNEXPLAINED_SHARE_FREE = 0.34;
/** Share from which a yes or a date is unsure (asked again, never taken): two words out of three. */
const UNEXPLAINED_SHARE_UNSURE = 0.65;
/** Just under the default unsure threshold (0.6). */
const UNSURE_CONFIDENCE = 0.59;

/**
 * The confidence of a yes or a date, lowered by the share of the reply's content words nothing read
 * accounts for: kept up to a third, then down linearly to under the default unsure threshold at two thirds
 * ("j'ai dit oui à une boîte" leaves "dit" and "boite" beside "oui"). Other intents keep their confidence:
 * a refusal, a doubt or a question never makes anyone available.
 */
export function coverageConfidence(
  intent: string,
  confidence: number,
  normalized: string,
  extracted: ExtractedValues,
): number {
  if (intent !== 'yes' && intent !== 'date_given') return confidence;
  const unexplained = unexplainedWords(normalized, extracted).length;
  if (unexplained === 0) return confidence;
  const content = normalized
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !/\d/.test(word) && !replyRules().FUNCTION_WORDS.has(word)).length;
  const share = Math.min(1, unexplained / Math.max(content, unexplained));
  if (share <= UNEXPLAINED_SHARE_FREE) return confidence;
  const step = (share - UNEXPLAINED_SHARE_FREE) / (UNEXPLAINED_SHARE_UNSURE - UNEXPLAINED_SHARE_FREE);
  const lowered = confidence - (confidence - UNSURE_CONFIDENCE) * step;
  return Math.max(0.2, Math.round(lowered * 100) / 100);
}

/** Pieces of a reply: between punctuation, ellipses and new lines. */
const PIECE_BOUNDARY = /[,;!?]+|\.{2,}|…|\.(?!\d)/;

function contentWords(text: string): string[] {
  return text
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !/\d/.test(word) && !replyRules().FUNCTION_WORDS.has(word));
}

/**
 * Whether a piece of the reply (between punctuation) says something and nothing in it was read: "ouais
 * ouais c'est ça, comme la dernière fois…" has a yes, and a piece beside it that may take it back.
 */
export function hasUnreadPiece(normalized: string, extracted: ExtractedValues): boolean {
  return normalized.split(PIECE_BOUNDARY).some((piece) => {
    const content = contentWords(piece);
    return content.length > 0 && unexplainedWords(piece, extracted).length >= content.length;
  });
}

/**
 * A yes or a date is taken only when nothing unread may take it back: when a piece of the reply is read by
 * nothing at all, the yes or the date is unsure (just under the unsure threshold: asked again once, then a
 * person, or the model when one is given), however sure the rest of the reading is. On the development
 * replies this cost one right yes in ~1,100 ("…, merci de m'avoir contacté", before "contacté" was read as
 * courtesy).
 */
export function positiveRegionConfidence(
  intent: string,
  confidence: number,
  normalized: string,
  extracted: ExtractedValues,
): number {
  if (intent !== 'yes' && intent !== 'date_given') return confidence;
  return hasUnreadPiece(normalized, extracted) ? Math.min(confidence, UNSURE_CONFIDENCE) : confidence;
}
