import { neutralizeGenderWords } from '../../text/index.js';
import { readOccupation } from './memo.js';

/** A ROME code read from a title, with how likely it is to be the right one. */
export interface OccupationGuess {
  romeCode: string;
  /** 0..1: 1 for a code given as such, else how reliably the title names that occupation. */
  confidence: number;
}

/**
 * The occupation a job or CV title names, with the taxonomy's calibrated confidence (the probability that the
 * code is right: of the codes read at 0.8, about 80 % are right); null when the taxonomy abstains (a generic
 * or unknown title). Read with gender agreements folded, so "Employée" and "Employé" get the same code and
 * confidence.
 */
export function guessOccupation(title: string): OccupationGuess | null {
  return readOccupation(neutralizeGenderWords(title, 'fr'));
}
