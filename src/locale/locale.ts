import type { ProtectedCriterion } from '../domain/protected-criterion.js';
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
  | 'profile'
  | 'other';
/** Section headings as written, by kind (`other`: known headings of sections matching does not read). */
export type CvHeadings = Readonly<Record<CvHeadingKind, readonly string[]>>;
/**
 * Words that name a section inside a longer, heading-shaped line ("Career Experience/Job History",
 * "ACADEMIC QUALIFICATIONS", "Areas of Expertise"), by kind; the first one in the line decides. `other`
 * names sections that are none of the kinds (awards, projects, links): they end the section before.
 * One or two folded words each; a plural is its own entry.
 */
export type CvHeadingWords = Readonly<Record<CvHeadingKind | 'other', readonly string[]>>;

/** A job-order shift code → [phrase after "available …", bare form after "Hours: …"]. */
export type ShiftWords = Readonly<Record<string, readonly [phrase: string, hours: string]>>;

/** Topics a recruiter may never ask about: the protected criteria (Code du travail L1132-1, L1221-6; CNIL). */
export type GuardCategory = ProtectedCriterion;

export interface GuardWords {
  /** Phrases a `{name}` in this language's entries stands for. */
  slots: Readonly<Record<string, readonly string[]>>;
  categories: Readonly<Record<GuardCategory, readonly VocabularyEntry[]>>;
  /** Long keywords a misspelt word is snapped to (edit distance 1, 2 from 9 letters on), folded. */
  fuzzyKeywords: readonly string[];
  /** Real words close to a keyword, never snapped. */
  notTypos: readonly string[];
}

/** What a question in a reply is about (`bot`, `protected` and `other` are decided elsewhere). */
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
  /** SMS shorthand → words, token by token, after folding (multi-word expansions are fine). */
  smsShorthand: Readonly<Record<string, string>>;
  /** Then phrases → words, in order. */
  smsPhrases: readonly (readonly [VocabularyEntry, string])[];
  validity: readonly VocabularyEntry[];
  /** Acknowledging the message ("merci pour l'info", "bien reçu"): read, not answered. */
  acknowledgement: readonly VocabularyEntry[];
  /** Courtesy words that say nothing once the message is acknowledged ("ok", "merci", "top"). */
  courtesy: readonly string[];
  /** Greetings and "ça va ?": small talk, not a question for a consultant. */
  smallTalk: readonly VocabularyEntry[];
  /** Asking whether the sender is a machine or a person ("vous êtes un robot ?"): answered truthfully. */
  botQuestion: readonly VocabularyEntry[];
  /** Saying one cannot answer now ("je conduis", "je suis au travail là"): no answer, whatever else it holds. */
  busy: readonly VocabularyEntry[];
  /** Words that make a date an answer about availability ("dispo", "commencer"); a lone date is one too. */
  dateContext: readonly VocabularyEntry[];
  /** Small words that may stand next to a date in a reply that is only a date ("ok pour le 4"). */
  dateFillers: readonly string[];
  /** Not held yet: an exam to come or to retake ("je le passe en février", "je dois le repasser"). */
  notYetHeld: readonly VocabularyEntry[];
  /** Held but the document is not there yet ("pas encore reçu l'attestation"): a partial answer. */
  awaitingDocument: readonly VocabularyEntry[];
  /** Doubt about the way to come ("la voiture est en panne"). */
  transportDoubt: readonly VocabularyEntry[];
  /**
   * Hedges in the conditional or of belief ("je devrais pouvoir", "je pense", "I guess", "should be ok"): a
   * yes they carry is partial, never a yes (unlike `weak`: "normalement oui" stays a yes).
   */
  hedge: readonly VocabularyEntry[];
  /**
   * Having said yes elsewhere ("j'ai dit oui à une autre agence", "I accepted another offer"): a refusal, and
   * the yes words inside are not a yes to this job.
   */
  committedElsewhere: readonly VocabularyEntry[];
  /**
   * Words that open a clause and what the clause does to those before it (see
   * `screening/reading/reply-scope.ts`): `contrast` ("mais", "par contre", "but"), `condition` ("si",
   * "à condition", "unless"), `correction` ("enfin", "en fait", "ah non", "actually"), `obligation` ("faut
   * que je", "je dois", "need to"). A condition or an obligation after a yes makes it partial; a correction
   * with a clear yes or no overrides what came before it.
   */
  clauseOpeners: Readonly<
    Record<'contrast' | 'condition' | 'correction' | 'obligation', readonly VocabularyEntry[]>
  >;
  /** Conditions that leave a yes whole: politeness, not a condition ("si vous voulez", "if you like"). */
  politeConditions: readonly VocabularyEntry[];
  /**
   * Being bound now by another job ("déjà en mission jusqu'à fin mars", "contrat en cours", "already on a
   * contract till…"): a constraint, a no to the job, unless the reply also says from when the person is free.
   */
  ongoingCommitment: readonly VocabularyEntry[];
  /** Ironic praise ("génial", "wow", "amazing"): sarcasm when a cue (`sarcasmCues`, an eye roll, "…") goes with it. */
  ironicPraise: readonly VocabularyEntry[];
  /** What makes praise ironic: "lol", "encore", "again", "not" at the end. */
  sarcasmCues: readonly VocabularyEntry[];
  /** Sarcasm on their own ("merci du cadeau", "c'est une blague", "je vais devenir riche"). */
  sarcasm: readonly VocabularyEntry[];
  /**
   * Small words that carry no answer ("je", "le", "pour", "the"), single words: what is left of a reply once
   * these and every word the rules read are set aside is unexplained, and lowers the confidence of a yes.
   */
  functionWords: readonly string[];
  /**
   * Asking what the message is or who sends it ("c'est pour quoi ?", "who is this?"): the person does not
   * know what they would answer, so a yes next to it is none.
   */
  whatIsThis: readonly VocabularyEntry[];
  /**
   * Yes words that agree without asserting a fact ("ok", "super", "ça marche"): they accept an offer or a
   * date, but do not say that one holds a certificate or has a way to come.
   */
  agreement: readonly VocabularyEntry[];
  /**
   * Yes words that only say one holds something ("j'ai le…", "je l'ai", "I have"), whole match: a yes to a
   * question about a certificate or a way to come, none to whether one is free or accepts a rate.
   */
  holding: readonly VocabularyEntry[];
  /**
   * Grumbling about a pay ("c'est un peu juste", "pas beaucoup", "j'espérais plus"): beside a yes ("oui
   * mais j'espérais plus") the offer is still accepted.
   */
  rateComplaint: readonly VocabularyEntry[];
  /**
   * A negation whose object is a day or a shift ("pas le week-end", "pas de nuit", "not sundays"): a
   * restriction of the availability, no refusal.
   */
  dayExclusion: readonly VocabularyEntry[];
  /**
   * Saying one holds one of a kind without saying which ("j'ai le caces", "j'en ai un", "I have a licence"):
   * to a question about one category, a partial answer.
   */
  unspecifiedCertificate: readonly VocabularyEntry[];
  /** Question words that start the question part of a reply wherever they stand ("quoi", "is there"). */
  questionWords: readonly VocabularyEntry[];
  /**
   * Words that, within a few words before a certificate, say it is not held ("pas le 3", "sauf le 3",
   * "not the 3"): single words, folded.
   */
  certificateNegations: readonly string[];
  /** Words that, within a few words after a certificate, say it lapsed ("caces 3 périmé"). */
  certificateLapsed: readonly VocabularyEntry[];
}

/**
 * Protected facts candidates volunteer in replies ("je suis musulman", "j'ai 3 enfants", "55 ans"), by
 * criterion: left out of the reading and redacted from what the recruiter sees.
 */
export interface ProtectedFactWords {
  facts: Readonly<Record<ProtectedCriterion, readonly VocabularyEntry[]>>;
  /**
   * Words that carry no answer once a fact is removed from a clause ("je suis", "j'ai", "de", "mais"):
   * a clause left with only these is dropped ("oui mais je suis enceinte" reads as "oui").
   */
  fillers: readonly string[];
  /** Words that join clauses ("mais", "et", "donc"): a clause starts at one. */
  connectors: readonly string[];
}

/**
 * What a job order may not require (Code du travail L1132-1), as orders write it ("Homme de moins de 30 ans",
 * "nationalité française exigée", "sans enfants", "non syndiqué"), by criterion.
 */
export interface JobOrderCriteriaWords {
  criteria: Readonly<Record<ProtectedCriterion, readonly VocabularyEntry[]>>;
  /** Removed before the check: mixed-gender markers ("H/F", "homme ou femme") and the right to work. */
  allowed: readonly VocabularyEntry[];
  /** Gendered job nouns ("femme de chambre") allowed in a title that carries an H/F marker. */
  genderedTitles: readonly VocabularyEntry[];
}

/** The words dates are written with in SMS replies ("à partir de lundi", "dans 3 jours", "jusqu'à fin mars"). */
export interface ReplyDateWords {
  /** Before a date (at the end of the words before it): the date is a start, an end, or the day before the start. */
  fromBefore: readonly VocabularyEntry[];
  untilBefore: readonly VocabularyEntry[];
  dayAfterBefore: readonly VocabularyEntry[];
  /** Phrase → days from today ("demain" → 1). */
  relativeDays: readonly (readonly [string, number])[];
  /** Phrase → [month, day] of its next occurrence ("noël" → 12, 25). */
  holidays: readonly (readonly [string, number, number])[];
  /** Around a weekday name: "next monday", "lundi prochain". */
  weekdayBefore: readonly VocabularyEntry[];
  weekdayAfter: readonly VocabularyEntry[];
  /** A weekday gone by ("lundi dernier", "last monday"): no date to come, not read. */
  weekdayPastBefore: readonly VocabularyEntry[];
  weekdayPastAfter: readonly VocabularyEntry[];
  thisWeek: readonly VocabularyEntry[];
  /** Next Monday. */
  nextWeek: readonly VocabularyEntry[];
  /** The first of next month. */
  nextMonth: readonly VocabularyEntry[];
  endOfMonth: readonly VocabularyEntry[];
  /** "dans 3 jours": the lead word, number words, the units. */
  inDuration: readonly VocabularyEntry[];
  numberWords: Readonly<Record<string, number>>;
  days: readonly VocabularyEntry[];
  weeks: readonly VocabularyEntry[];
  months: readonly VocabularyEntry[];
  /** "1er mars", "premier mars". */
  firstOfMonth: readonly string[];
  /** Before a month name: its start, middle or end ("début mars"), then an optional "de". */
  monthStart: readonly string[];
  monthMiddle: readonly string[];
  monthEnd: readonly string[];
  monthOf: readonly string[];
  /** A bare month name is a date only after one of these ("en mars", "jusqu'en mars"). */
  beforeBareMonth: readonly VocabularyEntry[];
  /** Before a year: its start or end ("en 2028", "fin 2028"). */
  yearStart: readonly string[];
  yearEnd: readonly string[];
  /** Before a bare day of the month ("le 12"), and ordinal endings ("12th"). */
  beforeDayOfMonth: readonly VocabularyEntry[];
  ordinalEndings: readonly string[];
  /** After a number, units that make it something other than a day of the month ("le 12 h", "le 3 mois"). */
  unitsAfterNumber: readonly VocabularyEntry[];
}

/**
 * Words of a job ad rewritten before the taxonomy reads its lists of certifications (written for French:
 * "B1V et BR", "cat 3"): `{ word: 'and', as: 'et' }`. Whole words; `ignoreCase` to match any case.
 */
export type JobAdListWords = readonly { word: string; as: string; ignoreCase?: boolean }[];

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
  cvHeadingWords: CvHeadingWords;
  shifts: ShiftWords;
  guard: GuardWords;
  reply: ReplyWords;
  replyDates: ReplyDateWords;
  protectedFacts: ProtectedFactWords;
  jobOrderCriteria: JobOrderCriteriaWords;
  jobAdListWords: JobAdListWords;
  /** Gendered forms made inclusive in pseudonymised text; empty for a language without them. */
  genderedForms: GenderedForms;
}
