import { companyScore, type EntryPart, titleScore } from './entry-parts.js';
import type { PartScores } from './part-classifier.js';

/**
 * Joint assembly of an entry's header: every way of giving its pieces the roles title, employer or
 * neither (a place is recognised before, a labelled piece keeps its label) is scored at once, instead of
 * choosing the title first and the employer among what is left.
 *
 * Each piece gets a distribution over the three roles from the part classifier's probabilities
 * (title, employer, anything else) shifted by the word rules of `entry-parts.ts` (job-title words, a known
 * occupation, legal forms and organisation words). An assignment's score is the sum of its pieces' log
 * probabilities, plus a bonus when the title or the employer sits where the CV's clear entries put them
 * (its template) and a small one for an employer written after its title. The assignments are normalised
 * into probabilities: the chosen title's and employer's marginal probabilities say how sure the assembly
 * is, and an employer the assembly doubts is left empty (precision before recall).
 */

/** A piece of an entry header, with the header line it came from (relative to the dates line). */
export interface AssemblyPart extends EntryPart {
  line: number;
}

export interface AssemblyOptions<P extends AssemblyPart> {
  classify: (part: P) => PartScores;
  isOccupation: (text: string) => boolean;
  /** Whether a piece sits at the template's title or employer place. */
  atTemplate: (part: P, role: 'title' | 'company') => boolean;
}

export interface Assembly<P extends AssemblyPart> {
  title: P | null;
  company: P | null;
  /** Marginal probability of the chosen title (of "no title" when there is none). */
  titleProbability: number;
  /** Marginal probability of the chosen employer (of "no employer" when there is none). */
  companyProbability: number;
  /** Log score of the chosen assignment (a log probability, bonuses added). */
  score: number;
}

/** Weight of the word rules (`titleScore`, `companyScore`, in cue points) against the learned log-odds. */
export const RULE_WEIGHT = 0.25;
/** Bonus (log scale) for a title or an employer at the CV's template place. */
export const TEMPLATE_BONUS = 1;
/** Bonus (log scale) for an employer written after its title (the common order). */
const ORDER_BONUS = 0.2;
/** Prior against leaving a header piece unused (log scale): most pieces of a header are something. */
const NONE_PENALTY = 1;
const EPSILON = 0.01;
const FORCED = -20;

type Role = 'title' | 'company' | 'none';

/** Log probabilities of each role of a piece. */
function roleLogProbabilities<P extends AssemblyPart>(
  part: P,
  options: AssemblyOptions<P>,
): Record<Role, number> {
  let title: number;
  let company: number;
  let none: number;
  if (part.label === 'title') [title, company, none] = [0, FORCED, FORCED];
  else if (part.label === 'company') [title, company, none] = [FORCED, 0, FORCED];
  else {
    const scores = options.classify(part);
    title = Math.log(scores.title + EPSILON) + RULE_WEIGHT * titleScore(part.text, options.isOccupation);
    company = Math.log(scores.employer + EPSILON) + RULE_WEIGHT * companyScore(part.text);
    none = Math.log(Math.max(0, 1 - scores.title - scores.employer) + EPSILON) - NONE_PENALTY;
  }
  const top = Math.max(title, company, none);
  const total = Math.log(Math.exp(title - top) + Math.exp(company - top) + Math.exp(none - top)) + top;
  return { title: title - total, company: company - total, none: none - total };
}

/**
 * The best assignment of `parts` (places already set apart) to title, employer or neither, with the
 * marginal probabilities of its choices; null when no assignment names a title or an employer.
 */
export function assembleEntry<P extends AssemblyPart>(
  parts: readonly P[],
  options: AssemblyOptions<P>,
): Assembly<P> | null {
  if (parts.length === 0) return null;
  const roles = parts.map((part) => roleLogProbabilities(part, options));
  const allNone = roles.reduce((sum, role) => sum + role.none, 0);
  const candidates: { title: number; company: number; score: number }[] = [];
  for (let title = -1; title < parts.length; title++) {
    for (let company = -1; company < parts.length; company++) {
      if (title === company || (title < 0 && company < 0)) continue;
      let score = allNone;
      if (title >= 0) {
        score += roles[title]!.title - roles[title]!.none;
        if (options.atTemplate(parts[title]!, 'title')) score += TEMPLATE_BONUS;
      }
      if (company >= 0) {
        score += roles[company]!.company - roles[company]!.none;
        if (options.atTemplate(parts[company]!, 'company')) score += TEMPLATE_BONUS;
      }
      if (title >= 0 && company > title) score += ORDER_BONUS;
      candidates.push({ title, company, score });
    }
  }
  const top = Math.max(...candidates.map((candidate) => candidate.score));
  const weights = candidates.map((candidate) => Math.exp(candidate.score - top));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let best = 0;
  for (let index = 1; index < candidates.length; index++)
    if (candidates[index]!.score > candidates[best]!.score) best = index;
  const chosen = candidates[best]!;
  const marginal = (pick: (candidate: { title: number; company: number }) => number, value: number) =>
    candidates.reduce((sum, candidate, index) => sum + (pick(candidate) === value ? weights[index]! : 0), 0) /
    total;
  return {
    title: chosen.title >= 0 ? parts[chosen.title]! : null,
    company: chosen.company >= 0 ? parts[chosen.company]! : null,
    titleProbability: marginal((candidate) => candidate.title, chosen.title),
    companyProbability: marginal((candidate) => candidate.company, chosen.company),
    score: chosen.score,
  };
}
