import type { TransportMode } from '../../domain/index.js';
import {
  fromEveryLocale,
  type ReplyQuestionTopic,
  type ReplyTransportMode,
  type ReplyWords,
  type VocabularyEntry,
  type VocabularyOptions,
  vocabularySource,
} from '../../locale/index.js';
import { memoise } from '../../support/memoise.js';

/**
 * The patterns the reply rules use, on normalised text (see `normalizeReply`), compiled once from the
 * words of every language (`src/locale/<language>/reply-words.ts`): a reply is read whatever the
 * conversation's language. Kept apart from the decision logic.
 */

function words(pick: (words: ReplyWords) => readonly VocabularyEntry[]): VocabularyEntry[] {
  return fromEveryLocale((locale) => pick(locale.reply));
}

function compile(
  pick: (words: ReplyWords) => readonly VocabularyEntry[],
  flags = '',
  options: VocabularyOptions = {},
): RegExp {
  return new RegExp(vocabularySource(words(pick), options), flags);
}

/** Compiles every pattern: once, on the first reply read (see `replyRules`). */
function buildReplyRules() {
  const POSITIVE_EMOJI = /[👍👌✅✔☑🆗👏💪🤝🙂😊😀😁😃😄☺😉🙏💯]/u;
  const NEGATIVE_EMOJI = /[👎❌🚫✖🙁☹😞😕😔]/u;

  /** Unsubscribe requests: stop anywhere, a short "arrêt"/"désinscription" alone, or asking for no more messages. */
  const OPT_OUT = new RegExp(
    `^(?:${vocabularySource(
      words((w) => w.optOutAlone),
      { boundary: 'none' },
    )})\\b[\\s.!]*$|${vocabularySource(words((w) => w.optOut))}`,
  );

  /** Attempts to steer the assistant or extract what it must not give. */
  const INJECTION = compile((w) => w.injection);

  /** Markup steering attempts, checked on the raw (lower-cased) text since normalising strips it. */
  const RAW_INJECTION =
    /<\/?(?:system|assistant|user|reply|instructions?|prompt)>|\[\/?(?:inst|admin|system|syst[eè]me|assistant|developer|dev|root|instructions?)\]|#{2,}\s*(?:system|instruction)|```|(?:^|[\s.!;])(?:system|syst[eè]me|assistant|developer|admin)\s*:/;

  /** Asking for a person. */
  const WANTS_HUMAN = compile((w) => w.wantsHuman);

  /** Phrases that contain a negation word but say yes ("pas de souci"). Replaced before negations are read. */
  const POSITIVE_WITH_NEGATION = compile((w) => w.positiveWithNegation, 'g');

  /** The candidate did not understand the message: asked again, in plainer words. */
  const NOT_UNDERSTOOD = compile((w) => w.notUnderstood);

  /** Being away until a date ("en vacances jusqu'au 3") says when the person is free again. */
  const ABSENCE = compile((w) => w.absence);

  /** Doubt: neither yes nor no. */
  const UNSURE = compile((w) => w.unsure, 'g');

  /** Hedges that soften a yes ("normalement oui") or stand for a weak maybe alone. */
  const WEAK = compile((w) => w.weak, 'g');

  /** Negations, one expression each: every match of each counts. */
  const NEGATIVE: RegExp[] = words((w) => w.negative).map((entry) => compile(() => [entry]));

  /** After a yes: a negation that makes it a refusal ("je peux pas"), on the text that follows the yes. */
  const NEGATED_AFTER = compile((w) => w.negatedAfter, '', { boundary: 'none' });

  const RESTRICTION = compile((w) => w.restriction, 'g');

  const POSITIVE = compile((w) => w.positive, 'g');

  /** Yes words that only say one holds something ("j'ai le", "je l'ai"), whole match. */
  const HOLDING = new RegExp(
    `^(?:${vocabularySource(
      words((w) => w.holding),
      { boundary: 'none' },
    )})$`,
  );

  /** Yes words a following "pas" does not turn into a refusal ("oui pas de souci"). */
  const INTERJECTION = new RegExp(
    `^(?:${vocabularySource(
      fromEveryLocale((locale) => locale.reply.interjections),
      { boundary: 'none' },
    )})$`,
  );

  /** A reply that is only one of these is a yes ("si" to a negative question). */
  const ALONE_YES: ReadonlySet<string> = new Set(fromEveryLocale((locale) => locale.reply.aloneYes));

  const QUESTION_LEADS = fromEveryLocale((locale) => locale.reply.questionLeads);

  /** Interrogative openings, for replies written as a question without a question mark. */
  const QUESTION_START = new RegExp(
    `^${QUESTION_LEADS.length > 0 ? `(?:(?:${vocabularySource(QUESTION_LEADS, { boundary: 'none' })}) )?` : ''}(?:${vocabularySource(
      words((w) => w.questionStart),
      { boundary: 'none' },
    )})\\b`,
  );

  /** Interrogative words that make a question wherever they stand, even without a question mark. */
  const QUESTION_ANYWHERE = compile((w) => w.questionAnywhere);

  const QUESTION_TOPICS: ReplyQuestionTopic[] = ['duration', 'pay', 'hours', 'address', 'dates'];

  /** What a question is about, tried in this order; a euro sign is about pay. */
  const QUESTION_ABOUT: [RegExp, ReplyQuestionTopic][] = QUESTION_TOPICS.map((topic) => {
    const source = vocabularySource(words((w) => w.questionAbout[topic]));
    return [new RegExp(topic === 'pay' ? `${source}|€` : source), topic];
  });

  const TRANSPORT_MODES: ReplyTransportMode[] = ['carpool', 'car', 'motorbike', 'bike', 'walk', 'public'];

  /** How the candidate would come, tried in this order. */
  const TRANSPORT: [RegExp, TransportMode][] = TRANSPORT_MODES.map((mode) => [
    compile((w) => w.transport[mode]),
    mode,
  ]);

  /** Saying there is no way to come ("pas de voiture"): removed before the modes are read. */
  const NO_TRANSPORT = compile((w) => w.noTransport, 'g');

  /** Free right away. */
  const IMMEDIATE = compile((w) => w.immediate);

  /** Words that make a date the certificate's validity. */
  const VALIDITY = compile((w) => w.validity);

  /** Asking whether the sender is a machine or a person. */
  const BOT_QUESTION = compile((w) => w.botQuestion);

  /** Saying one cannot answer now: removed before the answer is read. */
  const BUSY = compile((w) => w.busy, 'g');

  /** Words that make a date an answer about availability. */
  const DATE_CONTEXT = compile((w) => w.dateContext);

  /** Small words that may stand next to a date in a reply that is only a date. */
  const DATE_FILLERS: ReadonlySet<string> = new Set(
    fromEveryLocale((locale) => locale.reply.dateFillers).flatMap((words) => words.split(' ')),
  );

  /** A certificate or licence not held yet: an exam to come or to retake. */
  const NOT_YET_HELD = compile((w) => w.notYetHeld);

  /** A negation of a day or a shift ("pas le week-end"): a restriction, every match. */
  const DAY_EXCLUSION = compile((w) => w.dayExclusion, 'g');

  /** Grumbling about a pay ("un peu juste", "j'espérais plus"), every match. */
  const RATE_COMPLAINT = compile((w) => w.rateComplaint, 'g');

  /** Lapsed, suspended, taken away: "elle a expiré", "suspendu". */
  const LAPSED = compile((w) => w.certificateLapsed);

  /** Held, the document not there yet. */
  const AWAITING_DOCUMENT = compile((w) => w.awaitingDocument);

  /** Doubt about the way to come. */
  const TRANSPORT_DOUBT = compile((w) => w.transportDoubt);

  /**
   * Words that start a question wherever they stand ("oui c'est où ?", "oui et je dois amener quoi ?"): the
   * reply is split there into an answer and a question.
   */
  const QUESTION_WORD = new RegExp(
    vocabularySource(words((w) => [...w.questionStart, ...w.questionAnywhere, ...w.questionWords])),
  );

  /** Acknowledging the message without answering ("merci pour l'info", "bien reçu"). */
  const ACKNOWLEDGEMENT = compile((w) => w.acknowledgement, 'g');

  /** Courtesy words, as single words, that say nothing next to an acknowledgement. */
  const COURTESY: ReadonlySet<string> = new Set(
    fromEveryLocale((locale) => locale.reply.courtesy).flatMap((words) => words.split(' ')),
  );

  /** Greetings and "ça va ?". */
  const SMALL_TALK = compile((w) => w.smallTalk);

  /** Hedges in the conditional or of belief: a yes they carry is partial. */
  const HEDGE = compile((w) => w.hedge, 'g');

  /** Having said yes elsewhere: a refusal whose yes words are not a yes to this job. */
  const COMMITTED_ELSEWHERE = compile((w) => w.committedElsewhere, 'g');

  /** Ironic praise and what makes it ironic; sarcasm on its own. */
  const IRONIC_PRAISE = compile((w) => w.ironicPraise);
  const SARCASM_CUE = compile((w) => w.sarcasmCues);
  const SARCASM = compile((w) => w.sarcasm);
  /** Emoji and punctuation that make praise ironic (checked on the raw text): eye roll, smirk, clown, tears of laughter, "…". */
  const SARCASM_MARK = /[🙄😒🤡😏😂🤣]|\.{3}|…/u;
  /** An eye roll, a smirk, a clown: a yes beside one may be meant the other way round. */
  const EYE_ROLL = /[🙄😒🤡😏]/u;

  /** Small words that carry no answer, of every language. */
  const FUNCTION_WORDS: ReadonlySet<string> = new Set(
    fromEveryLocale((locale) => locale.reply.functionWords).flatMap((words) => words.split(' ')),
  );

  /** Asking what the message is or who sends it: a yes next to it is none. */
  const WHAT_IS_THIS = compile((w) => w.whatIsThis);

  /** Yes words that agree without asserting a fact (whole match). */
  const AGREEMENT = new RegExp(
    `^(?:${vocabularySource(
      words((w) => w.agreement),
      { boundary: 'none' },
    )})$`,
  );

  /** Holding one of a kind without saying which. */
  const UNSPECIFIED_CERTIFICATE = compile((w) => w.unspecifiedCertificate);

  /** Clause openers by what the clause does (see `reply-scope.ts`), one expression each, matched anywhere. */
  const CLAUSE_OPENERS: [RegExp, 'contrast' | 'condition' | 'correction' | 'obligation'][] = (
    ['contrast', 'condition', 'correction', 'obligation'] as const
  ).map((role) => [compile((w) => w.clauseOpeners[role], 'g'), role]);

  /** Conditions that are politeness ("si vous voulez"): a yes stays whole. */
  const POLITE_CONDITION = compile((w) => w.politeConditions, 'g');

  /** Bound now by another job ("déjà en mission jusqu'à…"): a constraint, not an availability date. */
  const ONGOING_COMMITMENT = compile((w) => w.ongoingCommitment);

  return {
    POSITIVE_EMOJI,
    NEGATIVE_EMOJI,
    OPT_OUT,
    INJECTION,
    RAW_INJECTION,
    WANTS_HUMAN,
    POSITIVE_WITH_NEGATION,
    NOT_UNDERSTOOD,
    ABSENCE,
    UNSURE,
    WEAK,
    NEGATIVE,
    NEGATED_AFTER,
    RESTRICTION,
    POSITIVE,
    HOLDING,
    INTERJECTION,
    ALONE_YES,
    QUESTION_START,
    QUESTION_ANYWHERE,
    QUESTION_ABOUT,
    TRANSPORT,
    NO_TRANSPORT,
    IMMEDIATE,
    VALIDITY,
    BOT_QUESTION,
    BUSY,
    DATE_CONTEXT,
    DATE_FILLERS,
    NOT_YET_HELD,
    DAY_EXCLUSION,
    RATE_COMPLAINT,
    LAPSED,
    AWAITING_DOCUMENT,
    TRANSPORT_DOUBT,
    QUESTION_WORD,
    ACKNOWLEDGEMENT,
    COURTESY,
    SMALL_TALK,
    HEDGE,
    COMMITTED_ELSEWHERE,
    IRONIC_PRAISE,
    SARCASM_CUE,
    SARCASM,
    SARCASM_MARK,
    EYE_ROLL,
    FUNCTION_WORDS,
    WHAT_IS_THIS,
    AGREEMENT,
    UNSPECIFIED_CERTIFICATE,
    CLAUSE_OPENERS,
    POLITE_CONDITION,
    ONGOING_COMMITMENT,
  };
}

export type ReplyRules = ReturnType<typeof buildReplyRules>;

/** The reply patterns, compiled on first use: loading the library does not compile them. */
export const replyRules = memoise(buildReplyRules);
