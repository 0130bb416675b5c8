import type { ReplyInterpretation } from '../../domain/index.js';
import { readPolarity } from './decide-answer.js';
import { replyRules } from './reply-rules.js';

/**
 * Clause-level reading of a reply: the scope of hedges, conditions and corrections. A reply is split
 * where a connective opens a clause ("oui | enfin non je suis pris", "ok | si c'est le matin",
 * "normalement oui | faut que je voie avec ma femme"); each clause gets a stance from its own words, and
 * the clauses after the first one may narrow what it says:
 *
 * - a **correction** ("enfin", "en fait", "ah non", "actually", "wait", or an ellipsis) with a clear yes or
 *   no overrides the opposite stance before it: the last such clause decides, with a lower confidence;
 * - a **condition** ("si", "à condition de", "unless") or an **obligation** ("faut que je", "je dois voir",
 *   "need to check") after a yes makes it partial: the yes hangs on something not yet settled;
 * - a doubt in any clause makes a yes partial.
 *
 * Polite conditions ("si vous voulez", "if you like") are not conditions.
 */

export type ClauseRole = 'lead' | 'contrast' | 'condition' | 'correction' | 'obligation';
export type ClauseStance = 'yes' | 'no' | 'doubt' | 'none';

export interface ReplyClause {
  role: ClauseRole;
  /** Normalised text of the clause, its opener included. */
  text: string;
  /** The clause without its opener ("mardi oui" of "mais mardi oui"). */
  body: string;
  start: number;
  stance: ClauseStance;
}

/** An ellipsis ("oui... non") opens a correction as much as "enfin" does. */
const ELLIPSIS = /\.{2,}|…/g;

/** Splits a normalised reply (see `normalizeReply`) into clauses at connectives and ellipses. */
export function splitClauses(normalized: string): ReplyClause[] {
  const politeSpans = [...normalized.matchAll(replyRules().POLITE_CONDITION)].map(
    (match) => [match.index, match.index + match[0].length] as const,
  );
  const opens = new Map<number, ClauseRole>();
  const openerLength = new Map<number, number>();
  for (const [pattern, role] of replyRules().CLAUSE_OPENERS)
    for (const match of normalized.matchAll(pattern)) {
      if (match.index === 0 && role !== 'correction') continue;
      if (role === 'condition' && politeSpans.some(([a, b]) => match.index >= a && match.index < b)) continue;
      // The first role found at a place wins (a "sauf si" is a condition, not a contrast).
      if (!opens.has(match.index) || role === 'condition') {
        opens.set(match.index, role);
        openerLength.set(match.index, match[0].length);
      }
    }
  for (const match of normalized.matchAll(ELLIPSIS)) {
    const next = match.index + match[0].length;
    if (next < normalized.length && !opens.has(next)) {
      opens.set(next, 'correction');
      openerLength.set(next, 0);
    }
  }
  const starts = [...opens.keys()].filter((start) => start > 0).sort((a, b) => a - b);
  const bounds = [0, ...starts];
  const clauses: ReplyClause[] = [];
  for (const [index, start] of bounds.entries()) {
    const end = bounds[index + 1] ?? normalized.length;
    const text = normalized.slice(start, end).trim();
    const body = normalized.slice(start + (openerLength.get(start) ?? 0), end).trim();
    if (!/[a-z0-9]/.test(text)) continue;
    const role = start === 0 ? (opens.get(0) ?? 'lead') : opens.get(start)!;
    const last = clauses.at(-1);
    // "ah non attendez j'ai un rdv": openers in a row open one correction.
    if (role === 'correction' && last?.role === 'correction' && last.text.split(' ').length <= 2) {
      const merged = `${last.text} ${text}`;
      clauses[clauses.length - 1] = {
        ...last,
        text: merged,
        body: `${last.body} ${text}`,
        stance: stanceOf(merged),
      };
      continue;
    }
    clauses.push({ role, text, body, start, stance: stanceOf(text) });
  }
  return clauses;
}

/** A clause's stance from its own words (emoji are not placed in a clause: they are left out). */
function stanceOf(text: string): ClauseStance {
  const read = readPolarity('', text);
  // "pas lundi, j'ai un rdv": what one has beside a negation is no yes.
  const polarity = read.negative > 0 ? { ...read, positive: read.positive - read.holding } : read;
  if (polarity.unsure || polarity.hedged) return 'doubt';
  if (polarity.positive > 0 && polarity.negative === 0) return 'yes';
  if (polarity.negative > 0 && polarity.positive === 0) return 'no';
  return polarity.positive > 0 ? 'doubt' : 'none';
}

/** What the scope of the clauses does to a reading. */
export type ScopeEffect =
  | { kind: 'none' }
  /** A correction decided the answer: yes or no, as its clause says. */
  | { kind: 'corrected'; stance: 'yes' | 'no'; clause: ReplyClause }
  /**
   * A refusal, then a contrast that says yes ("je peux pas lundi mais mardi oui"): what the contrast offers
   * may be the answer (a date it gives, read alone).
   */
  | { kind: 'contrasted'; clause: ReplyClause }
  /** A condition, an obligation or a doubt narrows a yes or a date to partial. */
  | { kind: 'narrowed'; clause: ReplyClause };

/** The effect of the reply's clauses on its reading (see the module comment). */
export function clauseScope(clauses: readonly ReplyClause[]): ScopeEffect {
  if (clauses.length < 2) return { kind: 'none' };
  // The last correction with a clear stance, if something before it says the opposite.
  for (let index = clauses.length - 1; index > 0; index--) {
    const clause = clauses[index]!;
    if (clause.role !== 'correction' || (clause.stance !== 'yes' && clause.stance !== 'no')) continue;
    const opposite = clause.stance === 'yes' ? 'no' : 'yes';
    if (clauses.slice(0, index).some((before) => before.stance === opposite))
      return { kind: 'corrected', stance: clause.stance, clause };
    break;
  }
  const last = clauses.at(-1)!;
  if (
    last.role === 'contrast' &&
    (last.stance === 'yes' || last.stance === 'none') &&
    clauses.slice(0, -1).every((before) => before.stance === 'no' || before.stance === 'none') &&
    clauses.slice(0, -1).some((before) => before.stance === 'no')
  )
    return { kind: 'contrasted', clause: last };
  const narrowing = clauses
    .slice(1)
    .find(
      (clause) => clause.role === 'condition' || clause.role === 'obligation' || clause.stance === 'doubt',
    );
  return narrowing ? { kind: 'narrowed', clause: narrowing } : { kind: 'none' };
}

/** Confidence of an answer decided by a correction: the clauses disagree, so less than a plain answer. */
export const CORRECTED_CONFIDENCE = 0.75;
/** Confidence of a date offered in a contrast after a refusal ("pas lundi mais mardi"). */
export const CONTRASTED_CONFIDENCE = 0.8;
/** Confidence of a yes narrowed to partial by a condition, an obligation or a doubt. */
export const NARROWED_CONFIDENCE = 0.7;

/**
 * Applies the clause scope to a yes or a date (a correction applies to any answer): narrowed to partial,
 * or replaced by the corrected answer (`decideCorrected` reads the correcting clause alone).
 */
export function applyClauseScope(
  reading: ReplyInterpretation,
  clauses: readonly ReplyClause[],
  decideCorrected: (clause: ReplyClause) => ReplyInterpretation | null,
): ReplyInterpretation {
  const effect = clauseScope(clauses);
  if (effect.kind === 'corrected') {
    if (effect.stance === 'no')
      return {
        ...reading,
        intent: 'no',
        confidence: Math.min(reading.confidence, CORRECTED_CONFIDENCE + 0.05),
      };
    const tail = decideCorrected(effect.clause);
    const intent = tail && (tail.intent === 'yes' || tail.intent === 'date_given') ? tail.intent : 'yes';
    return {
      ...(tail ?? reading),
      intent,
      confidence: Math.min(tail?.confidence ?? reading.confidence, CORRECTED_CONFIDENCE),
    };
  }
  if (effect.kind === 'contrasted') {
    // Only a date offered in the contrast answers; anything else stays as read (a mixed answer).
    const offered = decideCorrected({ ...effect.clause, text: effect.clause.body });
    return offered?.intent === 'date_given'
      ? { ...offered, confidence: Math.min(offered.confidence, CONTRASTED_CONFIDENCE) }
      : reading;
  }
  if (effect.kind === 'narrowed' && (reading.intent === 'yes' || reading.intent === 'date_given'))
    return { ...reading, intent: 'partial', confidence: NARROWED_CONFIDENCE };
  return reading;
}
