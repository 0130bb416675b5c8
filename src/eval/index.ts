// Public API of evaluation: ranking metrics, relevance judgements, experiments. Datasets are read by parsing/.

export {
  type ConfigEvaluation,
  candidateKey,
  type ExperimentConfig,
  type ExperimentInput,
  type ExperimentResult,
  evaluateRanking,
  type JobEvaluation,
  type MetricValues,
  metricNames,
  type RankedCandidate,
  runExperiment,
} from './experiment.js';
export { experimentRun, perCandidateCsv, perJobCsv } from './export-results.js';
export {
  collectFeatures,
  coordinateAscent,
  type FitWeightsResult,
  type FoldResult,
  fitWeights,
  type JobFeatures,
  type PairFeatures,
  readWeightsFile,
  scoreWithWeights,
} from './fit-weights.js';
export {
  averagePrecision,
  type Judgements,
  ndcgAtK,
  RELEVANT_GRADE,
  recallAtK,
  reciprocalRank,
} from './metrics.js';
export { type Qrels, readQrels } from './qrels.js';
export {
  bootstrapMean,
  comparePaired,
  type MeanInterval,
  type PairedComparison,
  type ResamplingOptions,
} from './statistics.js';
export {
  type Distribution,
  distribution,
  type FairnessSummary,
  type ImpactRatio,
  summarizeFairness,
} from './summarize-fairness.js';
export {
  isTrecQrels,
  type Run,
  type RunEntry,
  readTrecQrels,
  readTrecRun,
  writeQrelsTsv,
  writeTrecQrels,
  writeTrecRun,
} from './trec.js';
