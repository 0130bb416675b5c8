// Hard requirements of a job order checked against a profile, and what a miss costs.
export {
  type CheckRequirementsOptions,
  checkRequirements,
  DEFAULT_MAX_DISTANCE_KM,
  NO_VEHICLE_MAX_DISTANCE_KM,
  type RequirementCheck,
} from './check-requirements.js';
export {
  type ExperienceCloseness,
  type OccupationExperience,
  occupationExperience,
  rateExperiences,
} from './occupation-experience.js';
export {
  defaultPenalties,
  type PolicyOption,
  type PolicyOptions,
  policyFor,
  type RequirementKind,
  type RequirementPolicy,
  requirementKinds,
  resolvePolicy,
} from './requirement-policy.js';
export { type ChecksByKind, type RequirementOutcome, tallyRequirements } from './tally-requirements.js';
