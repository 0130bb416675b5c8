// Public API of the matching core. Retrieval and LLM rerank have their own folders (./retrieve, ./rerank).
export { type ExplainOptions, explainMatch } from './explain/explain-match.js';
export { type FeatureScore, type ScoreFeaturesOptions, scoreFeatures } from './features/score-features.js';
export {
  type FusedResult,
  type FuseInput,
  type FuseOptions,
  fuseScores,
  type LlmAssessment,
  rankResults,
} from './fuse/fuse-scores.js';
export {
  type Criterion,
  criteria,
  defaultLlmWeight,
  defaultWeights,
  resolveWeights,
  type WeightOverrides,
  type Weights,
} from './fuse/weights.js';
export {
  DEFAULT_RETRIEVE_TOP_K,
  DEFAULT_SHORTLIST_SIZE,
  type RankCandidatesOptions,
  type RankEvent,
  rankCandidates,
  SCORE_EVERYONE_UP_TO,
  validateJobOrder,
} from './rank-candidates.js';
export { type JobMatch, type RankJobsOptions, rankJobs } from './rank-jobs.js';
export {
  type CheckRequirementsOptions,
  checkRequirements,
  DEFAULT_MAX_DISTANCE_KM,
  defaultPenalties,
  NO_VEHICLE_MAX_DISTANCE_KM,
  type PolicyOption,
  type RequirementCheck,
  type RequirementKind,
  type RequirementPolicy,
} from './requirements/check-requirements.js';
