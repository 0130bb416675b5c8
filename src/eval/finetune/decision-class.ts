/**
 * Recruiter decisions as training classes. Only decisions that judge the candidate's fit for the order are
 * training signal: `placed`, `kept` (called back, shortlisted) and `rejected`. What the candidate did or
 * could not do (`no-answer`, `unavailable`, `declined`) says nothing about fit and is left out.
 */
export type DecisionClass = 'placed' | 'kept' | 'rejected';

export const DECISION_CLASSES: readonly DecisionClass[] = ['placed', 'kept', 'rejected'];

/** The decisions the store records (see `DecisionRecord.decision`) and the class each one trains. */
export const DEFAULT_DECISION_CLASSES: Readonly<Record<string, DecisionClass | null>> = {
  placed: 'placed',
  hired: 'placed',
  kept: 'kept',
  called: 'kept',
  shortlisted: 'kept',
  accepted: 'kept',
  rejected: 'rejected',
  refused: 'rejected',
  'no-answer': null,
  unavailable: null,
  declined: null,
};

/**
 * The 0–100 score the assistant answers for each class: the reranker's scale, where a kept candidate is a
 * good fit and a rejected one a poor fit. Override with `ExportFineTuningOptions.classScores`.
 */
export const DEFAULT_CLASS_SCORES: Readonly<Record<DecisionClass, number>> = {
  placed: 90,
  kept: 75,
  rejected: 20,
};
