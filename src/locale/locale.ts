import type { messages as referenceMessages } from './fr/messages.js';
import type { smsTemplates as referenceSmsTemplates } from './fr/sms-templates.js';
import type { VocabularyEntry } from './vocabulary.js';

/** A catalogue message key. French is the reference: every language has each of its keys. */
export type MessageKey = keyof typeof referenceMessages;
/** A message catalogue: ICU MessageFormat texts by key. */
export type Messages = Readonly<Record<MessageKey, string>>;

/** An SMS template key (`intro`, `availability`…). */
export type SmsTemplateKey = keyof typeof referenceSmsTemplates;
/** SMS wordings by key, each from the fullest to the shortest (ICU MessageFormat). */
export type SmsTemplates = Readonly<Record<SmsTemplateKey, readonly string[]>>;

/** Month/weekday names: read (any case, accents folded) and written (as in messages). */
export interface CalendarWords {
  /** Month number 1–12 → names and abbreviations. */
  months: readonly (readonly [number, readonly string[]])[];
  /** Day number (0 = Sunday) → names. */
  weekdays: readonly (readonly [number, readonly string[]])[];
  /** Month abbreviations that mean something else in an SMS reply. */
  notMonthsInReplies: readonly string[];
  /** Written names, Sunday first. */
  weekdayNames: readonly string[];
  /** Written names, January first. */
  monthNames: readonly string[];
}

/** What a CV section heading names. */
export type CvHeadingKind =
  | 'experience'
  | 'education'
  | 'skills'
  | 'certifications'
  | 'languages'
  | 'info'
  | 'interests'
  | 'contact'
  | 'profile';
/** Section headings as written, by kind. */
export type CvHeadings = Readonly<Record<CvHeadingKind, readonly string[]>>;

/** A job-order shift code → [phrase after "available …", bare form after "Hours: …"]. */
export type ShiftWords = Readonly<Record<string, readonly [phrase: string, hours: string]>>;

/** Topics a recruiter may never ask about (Code du travail L1132-1, L1221-6; CNIL). */
export type GuardCategory =
  | 'origin'
  | 'nationality'
  | 'religion'
  | 'family'
  | 'pregnancy'
  | 'health'
  | 'union-politics'
  | 'age'
  | 'appearance'
  | 'sexual-orientation'
  | 'residence'
  | 'bank-details';

export interface GuardWords {
  /** Phrases a `{name}` in this language's entries stands for. */
  slots: Readonly<Record<string, readonly string[]>>;
  categories: Readonly<Record<GuardCategory, readonly VocabularyEntry[]>>;
  /** Long keywords a misspelt word is snapped to (edit distance 1, 2 from 9 letters on), folded. */
  fuzzyKeywords: readonly string[];
  /** Real words close to a keyword, never snapped. */
  notTypos: readonly string[];
}

/** What a question in a reply is about. */
export type ReplyQuestionTopic = 'duration' | 'pay' | 'hours' | 'address' | 'dates';
/** How a candidate says they will get to the site. */
export type ReplyTransportMode = 'carpool' | 'car' | 'motorbike' | 'bike' | 'walk' | 'public';

/** The words SMS replies are read with (see `../screening/reply-rules.ts` for what each list decides). */
export interface ReplyWords {
  optOutAlone: readonly VocabularyEntry[];
  optOut: readonly VocabularyEntry[];
  injection: readonly VocabularyEntry[];
  wantsHuman: readonly VocabularyEntry[];
  positiveWithNegation: readonly VocabularyEntry[];
  notUnderstood: readonly VocabularyEntry[];
  absence: readonly VocabularyEntry[];
  unsure: readonly VocabularyEntry[];
  weak: readonly VocabularyEntry[];
  /** One rule a negation: each is compiled and counted on its own. */
  negative: readonly VocabularyEntry[];
  /** After a yes, makes it a refusal ("je peux pas"): anchored at the end of the yes. */
  negatedAfter: readonly VocabularyEntry[];
  restriction: readonly VocabularyEntry[];
  positive: readonly VocabularyEntry[];
  interjections: readonly string[];
  aloneYes: readonly string[];
  questionLeads: readonly string[];
  questionStart: readonly VocabularyEntry[];
  questionAnywhere: readonly VocabularyEntry[];
  questionAbout: Readonly<Record<ReplyQuestionTopic, readonly VocabularyEntry[]>>;
  transport: Readonly<Record<ReplyTransportMode, readonly VocabularyEntry[]>>;
  noTransport: readonly VocabularyEntry[];
  immediate: readonly VocabularyEntry[];
  validity: readonly VocabularyEntry[];
}

/** [masculine, feminine, inclusive] forms of a word, for `neutralizeGender`. */
export type GenderedForms = readonly (readonly [masculine: string, feminine: string, inclusive: string])[];

/** Everything cvmatch says and reads in one language: one folder (`src/locale/<code>/`). */
export interface Locale {
  /** BCP 47 tag for plural rules. */
  tag: string;
  messages: Messages;
  smsTemplates: SmsTemplates;
  calendar: CalendarWords;
  cvHeadings: CvHeadings;
  shifts: ShiftWords;
  guard: GuardWords;
  reply: ReplyWords;
  /** Gendered forms made inclusive in pseudonymised text; empty for a language without them. */
  genderedForms: GenderedForms;
}
