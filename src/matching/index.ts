// Public API of the matching core, stage by stage. Retrieval and LLM rerank have their own lists
// (./retrieve, ./rerank). What is not listed here is private to the area.
export { type AssessPairContext, assessPair, type PairAssessment } from './assess-pair.js';
export { type ExplainOptions, explainMatch } from './explain/index.js';
export { type FeatureInput, type FeatureScore, scoreFeatures } from './features/index.js';
export {
  type Criterion,
  criteria,
  defaultLlmWeight,
  defaultWeights,
  type FusedResult,
  type FuseInput,
  type FuseOptions,
  fuseScores,
  type LlmAssessment,
  rankResults,
  resolveWeights,
  type WeightOverrides,
  type Weights,
} from './fuse/index.js';
export {
  DEFAULT_SHORTLIST_SIZE,
  type RankCandidatesOptions,
  type RankEvent,
  rankCandidates,
  SCORE_EVERYONE_UP_TO,
  validateJobOrder,
} from './rank-candidates.js';
export { type JobMatch, type RankJobsOptions, rankJobs } from './rank-jobs.js';
export { recordRankEvent } from './record-rank-event.js';
export {
  type CheckRequirementsOptions,
  type ChecksByKind,
  checkRequirements,
  DEFAULT_MAX_DISTANCE_KM,
  defaultPenalties,
  NO_VEHICLE_MAX_DISTANCE_KM,
  type PolicyOption,
  type PolicyOptions,
  type RequirementCheck,
  type RequirementKind,
  type RequirementOutcome,
  type RequirementPolicy,
  requirementKinds,
  tallyRequirements,
} from './requirements/index.js';
export { DEFAULT_RETRIEVE_TOP_K } from './retrieve/index.js';
