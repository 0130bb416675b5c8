import { neutralizeGenderWords } from '../../text/index.js';
import { bestOccupation } from './memo.js';

/** A ROME code read from a title, with how likely it is to be the right one. */
export interface OccupationGuess {
  romeCode: string;
  /** 0..1: 1 for a code given as such, else how reliably the title names that occupation. */
  confidence: number;
}

/** Below this title-match score no code is read from a title. */
export const OCCUPATION_MATCH_THRESHOLD = 0.5;

/**
 * The occupation a job or CV title names, with a confidence. Until the taxonomy reports a calibrated
 * confidence, it is derived from the title-match score: 0 at the threshold (0.5), 1 for a known name of the
 * occupation (score 1), linear in between, so a code read from a half-matching title weighs almost nothing.
 */
export function guessOccupation(title: string): OccupationGuess | null {
  // Read with gender agreements folded, so "Employée" and "Employé" get the same code and confidence.
  const best = bestOccupation(neutralizeGenderWords(title, 'fr'));
  if (!best || best.score < OCCUPATION_MATCH_THRESHOLD) return null;
  const confidence = (best.score - OCCUPATION_MATCH_THRESHOLD) / (1 - OCCUPATION_MATCH_THRESHOLD);
  return { romeCode: best.romeCode, confidence: Math.min(1, Math.max(0, confidence)) };
}
