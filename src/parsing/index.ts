export {
  type ExtractProfileContext,
  extractProfile,
  LOW_CONFIDENCE,
  OCCUPATION_MIN_SCORE,
} from './extract-profile.js';
export { normalizeName } from './fields/contact.js';
export {
  type DateRange,
  type PartialDate,
  parseDateRange,
  parseFrenchDate,
  totalExperienceMonths,
} from './fields/dates.js';
export { languageLevel } from './fields/languages.js';
export type { TaxonomyLookups, TaxonomyMention } from './fields/skills.js';
export { type LlmCv, llmCvSchema, mergeModelAnswer, refineWithModel } from './llm-refine.js';
export {
  failureReason,
  type ParseCvOptions,
  type ParseCvResult,
  type ParseCvsInput,
  type ParseCvsItem,
  type ParseCvsOptions,
  parseCv,
  parseCvs,
  parseCvText,
  profileId,
} from './parse-cv.js';
export { headingKind, type Section, type SectionKind, type SectionLine, splitSections } from './sections.js';
export { documentFromText } from './text-document.js';
