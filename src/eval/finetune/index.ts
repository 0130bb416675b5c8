export {
  DECISION_CLASSES,
  DEFAULT_CLASS_SCORES,
  DEFAULT_DECISION_CLASSES,
  type DecisionClass,
} from './decision-class.js';
export {
  type ExampleKind,
  type ExportFineTuningOptions,
  exportFineTuning,
  type FineTuningExport,
  type FineTuningRow,
  type FineTuningSummary,
  type SplitCounts,
  splitSide,
} from './export-fine-tuning.js';
export {
  DEFAULT_MAX_EXAMPLE_TOKENS,
  estimateExampleTokens,
  FINE_TUNING_FORMATS,
  type FineTuningExample,
  type FineTuningFormat,
  type FineTuningIssue,
  type FineTuningLimits,
  type FineTuningMessage,
  validateFineTuningExample,
  validateFineTuningFile,
} from './fine-tuning-format.js';
export { identityLeaks } from './identity-leaks.js';
export { rerankExample } from './rerank-example.js';
export { screeningExample, type TranscriptMessage } from './screening-example.js';
