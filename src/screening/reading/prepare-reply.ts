import type { ProtectedCriterion } from '../../domain/index.js';
import { fromEveryLocale } from '../../locale/index.js';
import { foldAccents } from '../../text/index.js';
import {
  findSensitiveSpans,
  protectedFactsIn,
  type ReplyIdentifierLists,
  type ReplySpan,
} from './protected-facts.js';

/** A reply made ready for the rules. */
export interface PreparedReply {
  /** Unicode-folded (NFKC, look-alike letters of S T O P), STOP written out in full ("S T O P" → "STOP"). */
  text: string;
  /** Whether the reply holds a stop sign (🛑, ⛔): an opt-out, whatever else it says. */
  stopSign: boolean;
  /**
   * What the rules read: `text` without protected facts, names, phone numbers and e-mail addresses, and
   * without the clauses those left empty ("oui mais je suis enceinte" → "oui").
   */
  forReading: string;
  protectedFacts: ProtectedCriterion[];
}

const STOP_SIGNS = /[\u{1F6D1}\u26D4]/u;
/** Cyrillic and Greek letters that look like S, T, O, P (a STOP written with them is still a STOP). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  Ѕ: 'S',
  ѕ: 's',
  Т: 'T',
  т: 't',
  О: 'O',
  о: 'o',
  Ο: 'O',
  ο: 'o',
  Р: 'P',
  р: 'p',
  Ρ: 'P',
  ρ: 'p',
  Τ: 'T',
  τ: 't',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
/** S T O P, s.t.o.p, S-T-O-P, st0p: one word. */
const SPACED_STOP = /(?<![\p{L}\p{N}])s[\s.\-_*·/]*t[\s.\-_*·/]*[o0][\s.\-_*·/]*p+(?![\p{L}\p{N}])/giu;

/** Unicode folding that keeps the text readable: NFKC, zero-width characters removed, STOP spelled out. */
export function foldReplyText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(LOOK_ALIKE, (letter) => LOOK_ALIKES[letter] ?? letter)
    .replace(SPACED_STOP, 'STOP');
}

const FILLERS: ReadonlySet<string> = new Set(
  fromEveryLocale((locale) => locale.protectedFacts.fillers).flatMap((filler) => filler.split(' ')),
);
const CONNECTORS = fromEveryLocale((locale) => locale.protectedFacts.connectors);
const CONNECTOR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${CONNECTORS.map((word) => word.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
const LEADING_CONNECTOR = new RegExp(`^[\\s,;.]*(?:${CONNECTORS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Clause boundaries: after , ; . ! ? and new lines, and before a connector ("mais", "et", "but"). */
function clauseStarts(text: string): number[] {
  const starts = new Set([0]);
  for (const match of text.matchAll(/[,;.!?\n]+/g)) starts.add(match.index + match[0].length);
  for (const match of text.matchAll(CONNECTOR)) starts.add(match.index);
  return [...starts].filter((start) => start < text.length).sort((a, b) => a - b);
}

function hasContent(text: string): boolean {
  return foldAccents(text)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => word.length > 0 && !FILLERS.has(word));
}

/**
 * A leave whose reason is protected ("en arrêt maladie", "congé maternité"): the reason is left out, the
 * absence is kept, so "en arrêt maladie jusqu'au 8" still says free from the 9th; "au bled jusqu'au 8" (a
 * home country) likewise.
 */
const LEAVE = /\b(?:arrets?|conges?|leave|bled|pays)\b/i;

/** The text without the spans, clauses left with no content dropped, and a connector left dangling by a dropped clause. */
function leaveOut(text: string, spans: readonly ReplySpan[]): string {
  if (spans.length === 0) return text;
  const starts = clauseStarts(text);
  const kept: string[] = [];
  let previousDropped = false;
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1] ?? text.length;
    const inside = spans.filter((span) => span.start < end && span.end > start);
    let clause = text.slice(start, end);
    if (inside.length > 0) {
      let rebuilt = '';
      let cursor = start;
      for (const span of inside) {
        const left = text.slice(span.start, span.end);
        rebuilt += `${text.slice(cursor, Math.max(cursor, span.start))}${LEAVE.test(foldAccents(left)) ? ' absent ' : ' '}`;
        cursor = Math.max(cursor, span.end);
      }
      clause = rebuilt + text.slice(Math.min(cursor, end), end);
      if (!hasContent(clause.replace(/[,;.!]+/g, ' '))) {
        // Keep a question mark: "j'ai 19 ans, c'est bon ?" still asks.
        kept.push(clause.includes('?') ? '?' : ' ');
        previousDropped = true;
        continue;
      }
    }
    if (previousDropped) clause = clause.replace(LEADING_CONNECTOR, ' ');
    previousDropped = false;
    kept.push(clause);
  }
  return kept.join('').replace(/\s+/g, ' ').trim();
}

/** Folds the reply, finds stop signs, protected facts and identity, and what is left to read. */
export function prepareReply(text: string, identifiers?: ReplyIdentifierLists): PreparedReply {
  const folded = foldReplyText(text);
  const spans = findSensitiveSpans(folded, identifiers);
  return {
    text: folded,
    stopSign: STOP_SIGNS.test(folded),
    forReading: leaveOut(folded, spans),
    protectedFacts: protectedFactsIn(spans),
  };
}
