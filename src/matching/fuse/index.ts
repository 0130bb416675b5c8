// One score per candidate from the criteria, the requirement penalties and the LLM; weights.
export {
  criterionLabel,
  type FusedResult,
  type FuseInput,
  type FuseOptions,
  fuseScores,
  type LlmAssessment,
  rankResults,
} from './fuse-scores.js';
export {
  type Criterion,
  criteria,
  defaultLlmWeight,
  defaultWeights,
  normalizeWeights,
  resolveLlmWeight,
  resolveWeights,
  type WeightOverrides,
  type Weights,
} from './weights.js';
