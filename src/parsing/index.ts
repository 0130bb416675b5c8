// Public API of CV and job-order parsing: extract/ (documents → text + layout), profile/ (text →
// CandidateProfile), job/ (job orders), and the readers of candidate and job-order datasets.

export { documentFromText } from './extract/text-document.js';
export { type ParseJobOrderOptions, parseJobOrder } from './job/parse-job.js';
export {
  type ParseCvOptions,
  type ParseCvResult,
  type ParseCvsInput,
  type ParseCvsItem,
  type ParseCvsOptions,
  parseCv,
  parseCvs,
  parseCvText,
} from './parse-cv.js';
export { type ExtractProfileContext, extractProfile } from './profile/extract-profile.js';
export {
  type DateRange,
  type PartialDate,
  parseDateRange,
  parseFrenchDate,
  totalExperienceMonths,
} from './profile/fields/dates.js';
export type { TaxonomyLookups, TaxonomyMention as ParsingTaxonomyMention } from './profile/fields/skills.js';
export { type LlmCv, llmCvSchema } from './profile/llm-refine.js';
export {
  type CandidateDataset,
  CV_EXTENSIONS,
  type InputFailure,
  readCandidateDataset,
  readProfilesJsonl,
} from './read-candidate-dataset.js';
export { readJobOrders } from './read-job-orders.js';
