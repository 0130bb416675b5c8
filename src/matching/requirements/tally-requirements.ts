import type { UnmetRequirement } from '../../domain/index.js';
import type { RequirementCheck } from './check-requirements.js';
import type { RequirementKind } from './requirement-policy.js';

/** Checks grouped by kind: every kind is present, empty when the order does not ask for it. */
export type ChecksByKind = Readonly<Record<RequirementKind, readonly RequirementCheck[]>>;

/** What one profile's requirement checks add up to, read by scoring, fusion and the summary. */
export interface RequirementOutcome {
  /** Every check, in the order they were made (certifications, licences, availability, distance, languages, experience). */
  checks: readonly RequirementCheck[];
  byKind: ChecksByKind;
  /** The checks that are not met (`met: 'no'`), as `MatchResult.unmetRequirements`. */
  unmet: UnmetRequirement[];
  /** Product of the checks' penalties: 1 when nothing is missed under `penalize`. */
  penalty: number;
  /** True when a missed requirement's policy is `exclude`. */
  excluded: boolean;
}

/** Groups checks by kind and works out the unmet list, the score multiplier and exclusion, in one pass. */
export function tallyRequirements(checks: readonly RequirementCheck[]): RequirementOutcome {
  // A literal (one object shape for every pair); the type makes it list exactly the schema's kinds.
  const byKind: Record<RequirementKind, RequirementCheck[]> = {
    certification: [],
    licence: [],
    availability: [],
    distance: [],
    language: [],
    experience: [],
  };
  const unmet: UnmetRequirement[] = [];
  let penalty = 1;
  let excluded = false;
  for (const check of checks) {
    byKind[check.kind].push(check);
    penalty *= check.penalty;
    if (check.excluded) excluded = true;
    if (check.met === 'no')
      unmet.push({ kind: check.kind, requirement: check.requirement, message: check.message });
  }
  return { checks, byKind, unmet, penalty, excluded };
}
