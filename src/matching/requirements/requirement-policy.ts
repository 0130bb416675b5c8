import { type RequirementKind, requirementKindSchema } from '../../domain/index.js';

export type { RequirementKind };

/** The kinds of hard requirement an order can set, in the order they are checked (from the domain schema). */
export const requirementKinds: readonly RequirementKind[] = requirementKindSchema.options;

/** What to do with a candidate who misses a requirement: drop them, or keep them with a lower score. */
export type RequirementPolicy = 'exclude' | 'penalize';
/** One policy for every kind, or one per kind (kinds left out are penalised). */
export type PolicyOption = RequirementPolicy | Partial<Record<RequirementKind, RequirementPolicy>>;

/**
 * Score multiplier for a missed requirement under the `penalize` policy (several misses multiply).
 * A missing certificate or licence weighs most: without it the mission cannot legally start.
 */
export const defaultPenalties: Readonly<Record<RequirementKind, number>> = Object.freeze({
  certification: 0.6,
  licence: 0.6,
  availability: 0.85,
  distance: 0.75,
  language: 0.8,
  experience: 0.9,
});

/** Policy for one kind. */
export function policyFor(policy: PolicyOption | undefined, kind: RequirementKind): RequirementPolicy {
  if (policy === undefined) return 'penalize';
  if (typeof policy === 'string') return policy;
  return policy[kind] ?? 'penalize';
}

/** How a ranking call says which misses exclude: a policy, and a shorthand list of kinds to exclude. */
export interface PolicyOptions {
  /** `penalize` (default) keeps candidates who miss a requirement with a lower score; `exclude` drops them. */
  policy?: PolicyOption;
  /** Shorthand: exclude candidates missing any requirement (`true`) or these kinds. Overrides `policy` for them. */
  excludeUnmet?: boolean | readonly RequirementKind[];
}

/** Merges `policy` and `excludeUnmet` into one per-kind policy. */
export function resolvePolicy(options: PolicyOptions): PolicyOption {
  const excluded =
    options.excludeUnmet === true
      ? requirementKinds
      : options.excludeUnmet === false
        ? []
        : (options.excludeUnmet ?? []);
  if (excluded.length === 0) return options.policy ?? 'penalize';
  const policy: Partial<Record<RequirementKind, RequirementPolicy>> = {};
  for (const kind of requirementKinds) {
    policy[kind] = excluded.includes(kind) ? 'exclude' : policyFor(options.policy, kind);
  }
  return policy;
}
