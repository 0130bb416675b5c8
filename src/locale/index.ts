export { MONTH_NUMBERS, namesPattern, WEEKDAY_NUMBERS } from './calendar-words.js';
export type {
  CalendarWords,
  CvHeadingKind,
  CvHeadings,
  CvHeadingWords,
  GenderedForms,
  GuardCategory,
  GuardWords,
  JobAdListWords,
  Locale,
  MessageKey,
  Messages,
  ReplyDateWords,
  ReplyQuestionTopic,
  ReplyTransportMode,
  ReplyWords,
  ShiftWords,
  SmsTemplateKey,
  SmsTemplates,
} from './locale.js';
export { formatMessage, type MessageValues, message, messageArguments } from './message.js';
export { fromEveryLocale, type LanguageCode, languages, locales } from './registry.js';
export {
  compileVocabulary,
  entrySource,
  foldTerm,
  type VocabularyEntry,
  type VocabularyOptions,
  vocabularySource,
} from './vocabulary.js';
