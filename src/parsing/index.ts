// Public API of CV and job-order parsing. Document extraction lives in ./extract.

export { type ExtractProfileContext, extractProfile } from './extract-profile.js';
export {
  type DateRange,
  type PartialDate,
  parseDateRange,
  parseFrenchDate,
  totalExperienceMonths,
} from './fields/dates.js';
export type { TaxonomyLookups, TaxonomyMention as ParsingTaxonomyMention } from './fields/skills.js';
export { type LlmCv, llmCvSchema } from './llm-refine.js';
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
export { type ParseJobOrderOptions, parseJobOrder } from './parse-job.js';
export { documentFromText } from './text-document.js';
