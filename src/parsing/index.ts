// Public API of CV and job-order parsing. Document extraction lives in ./extract.

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
