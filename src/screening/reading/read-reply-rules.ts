import type {
  ExtractedValues,
  JobOrder,
  QuestionAbout,
  ReplyIdentifiers,
  ReplyIntent,
  ReplyInterpretation,
  ScreeningJob,
  ScreeningQuestion,
  TransportMode,
} from '../../domain/index.js';
import { type AnswerContext, decideAnswer, readPolarity } from './decide-answer.js';
import { type PreparedReply, prepareReply } from './prepare-reply.js';
import { extractCertificates } from './reply-certificates.js';
import { coverageConfidence, positiveRegionConfidence } from './reply-coverage.js';
import { calendarDayOf, extractDates, isoDay } from './reply-dates.js';
import { readRates } from './reply-rates.js';
import { replyRules } from './reply-rules.js';
import { applyClauseScope, splitClauses } from './reply-scope.js';
import { normalizeReply } from './reply-text.js';
import { settleMixed, verifyPositive } from './verify-positive.js';

/** What reading a reply needs besides its text. */
export interface ReplyContext {
  /** The question the reply answers (null: no question pending). */
  question: ScreeningQuestion | null;
  /** The job order, or the conversation's snapshot of it. */
  job: ScreeningJob | JobOrder;
  /** Clock relative dates are resolved against ("lundi", "demain"). */
  now: Date | string;
  /** The candidate's own name, phones and e-mails, left out of the reading and of what the recruiter sees. */
  identifiers?: ReplyIdentifiers;
}

/** The facts of a job order replies are read against. */
export function jobFacts(
  job: ScreeningJob | JobOrder,
): Pick<ScreeningJob, 'startDate' | 'endDate' | 'hourlyRateEur' | 'city'> {
  const city = 'location' in job ? (job.location?.city ?? null) : job.city;
  return { startDate: job.startDate, endDate: job.endDate, hourlyRateEur: job.hourlyRateEur, city };
}

function readTransport(normalized: string): TransportMode | null {
  const withoutRefusals = normalized.replace(replyRules().NO_TRANSPORT, ' ; ');
  for (const [pattern, mode] of replyRules().TRANSPORT) if (pattern.test(withoutRefusals)) return mode;
  return withoutRefusals === normalized ? null : 'none';
}

function readQuestionAbout(question: string, city: string | null, protectedFacts: boolean): QuestionAbout {
  if (replyRules().BOT_QUESTION.test(question)) return 'bot';
  for (const [pattern, about] of replyRules().QUESTION_ABOUT) if (pattern.test(question)) return about;
  const place = city ? normalizeReply(city) : null;
  if (place && ` ${question} `.includes(` ${place} `)) return 'address';
  // "je suis syndiqué, ça pose problème ?": whether a protected fact matters (it never does).
  return protectedFacts ? 'protected' : 'other';
}

function emptyExtracted(): ExtractedValues {
  return {
    dates: [],
    immediate: false,
    certificates: [],
    hourlyRates: [],
    transport: null,
    questionAbout: null,
    protectedFacts: [],
  };
}

function result(intent: ReplyIntent, extracted: ExtractedValues, confidence: number): ReplyInterpretation {
  return { intent, extracted, confidence, by: 'rules' };
}

/**
 * Where the question of a reply starts, or -1: a question about the bot, a question word that always
 * asks ("combien", "c'est où"), a question word opening a sentence, or the sentence that ends with "?".
 */
function questionStart(normalized: string): number {
  const starts: number[] = [];
  const bot = replyRules().BOT_QUESTION.exec(normalized);
  if (bot) starts.push(bot.index);
  const anywhere = replyRules().QUESTION_ANYWHERE.exec(normalized);
  if (anywhere) starts.push(anywhere.index);
  const whatIsThis = replyRules().WHAT_IS_THIS.exec(normalized);
  if (whatIsThis) starts.push(whatIsThis.index);
  const mark = normalized.indexOf('?');
  for (const sentence of normalized.matchAll(/(?:^|[.!,;:?]\s*)([^.!,;:?]+)/g)) {
    const start = sentence.index + sentence[0].length - sentence[1]!.length;
    const text = sentence[1]!;
    if (replyRules().QUESTION_START.test(text)) starts.push(start);
    // In the sentence that asks ("oui et je dois amener quoi ?"), the first question word.
    const end = start + text.length;
    if (mark >= start && mark <= end + 1) {
      const word = replyRules().QUESTION_WORD.exec(text);
      if (word) starts.push(start + word.index);
      // No question word: the sentence is the question, unless it holds one already found (the bot).
      else if (!starts.some((found) => found >= start && found <= end)) starts.push(start);
    }
  }
  return starts.length > 0 ? Math.min(...starts) : -1;
}

const TRAILING_LINK = /(?:[\s,;.]|\b(?:et|mais|sinon|donc|alors|and|but|so)\b)+$/;

/**
 * Reads a reply with rules only: offline and deterministic. Protected facts, names and phone numbers are
 * left out first (they weigh on nothing). A reply that both answers and asks ("oui dispo. c'est payé
 * combien ?") keeps the answer's intent and says what was asked in `extracted.questionAbout`. When
 * nothing decides, `off_topic` with a low confidence (then `interpretReply` may ask a model).
 */
export function interpretReplyWithRules(text: string, context: ReplyContext): ReplyInterpretation {
  const prepared = prepareReply(text, {
    names: context.identifiers?.names ?? [],
    phones: context.identifiers?.phones ?? [],
    emails: context.identifiers?.emails ?? [],
  });
  // A yes or a date of the first reading is taken only when the second, over the whole reply, lets it stand.
  const normalized = normalizeReply(prepared.forReading);
  const topic = context.question?.topic ?? null;
  const day = calendarDayOf(new Date(context.now));
  const today = isoDay(day);
  const first = settleMixed(firstReading(prepared, context), normalized, {
    topic,
    today,
    day,
    jobStart: jobFacts(context.job).startDate,
  });
  return verifyPositive(first, {
    raw: prepared.forReading,
    normalized,
    whole: normalizeReply(prepared.text),
    topic,
    today,
    reread: (raw) => interpretReplyWithRules(raw, context),
  });
}

/**
 * The second reading alone, on a reading made elsewhere (the chat model's): a yes or a date stands only when
 * the scope of the whole reply lets it (see `verify-positive.ts`).
 */
export function verifyReading(
  reading: ReplyInterpretation,
  text: string,
  context: ReplyContext,
): ReplyInterpretation {
  if (reading.intent !== 'yes' && reading.intent !== 'date_given') return reading;
  const prepared = prepareReply(text, {
    names: context.identifiers?.names ?? [],
    phones: context.identifiers?.phones ?? [],
    emails: context.identifiers?.emails ?? [],
  });
  return verifyPositive(reading, {
    raw: prepared.forReading,
    normalized: normalizeReply(prepared.forReading),
    whole: normalizeReply(prepared.text),
    topic: context.question?.topic ?? null,
    today: isoDay(calendarDayOf(new Date(context.now))),
    reread: (raw) => interpretReplyWithRules(raw, context),
  });
}

/** The first reading of a prepared reply: the answer found in the words that carry it. */
function firstReading(prepared: PreparedReply, context: ReplyContext): ReplyInterpretation {
  const extracted = emptyExtracted();
  extracted.protectedFacts = prepared.protectedFacts;
  if (prepared.stopSign || replyRules().OPT_OUT.test(normalizeReply(prepared.text)))
    return result('opt_out', extracted, 1);
  const raw = prepared.forReading;
  const normalized = normalizeReply(raw);
  if (
    normalized.length === 0 &&
    !replyRules().POSITIVE_EMOJI.test(raw) &&
    !replyRules().NEGATIVE_EMOJI.test(raw) &&
    !/[\u{1F914}\u{1F937}]/u.test(raw)
  )
    return result('off_topic', extracted, 0.9);
  if (replyRules().RAW_INJECTION.test(prepared.text.toLowerCase()) || replyRules().INJECTION.test(normalized))
    return result('injection', extracted, 0.95);

  const facts = jobFacts(context.job);
  const topic = context.question?.topic ?? null;
  const today = calendarDayOf(new Date(context.now));
  const isCategoryQuestion = topic === 'certification' || topic === 'licence';
  extracted.dates = extractDates(normalized, today, { bareDayOfMonth: !isCategoryQuestion });
  extracted.immediate = replyRules().IMMEDIATE.test(normalized);
  extracted.certificates = extractCertificates(
    normalized,
    context.question?.code && isCategoryQuestion
      ? { code: context.question.code, kind: topic === 'licence' ? 'licence' : 'certification' }
      : null,
  );
  extracted.hourlyRates = readRates(normalized, topic === 'rate');
  extracted.transport = readTransport(normalized);

  // "vous êtes un humain ?" asks about the bot; "je veux un humain" asks for a person.
  const bot = replyRules().BOT_QUESTION.exec(normalized);
  const withoutBot = bot ? normalized.replace(bot[0], ' ; ') : normalized;
  if (replyRules().WANTS_HUMAN.test(withoutBot)) return result('wants_human', extracted, 0.9);
  // Small talk is a few words ("salut ça va ?"): longer replies are not tested for it.
  if (
    replyRules().NOT_UNDERSTOOD.test(normalized) ||
    (normalized.length <= 40 && replyRules().SMALL_TALK.test(normalized))
  )
    return result('off_topic', extracted, 0.8);

  // "super 11 € de l'heure, génial…": praise with an eye roll is no yes. On the rate it is a refusal;
  // elsewhere it says nothing sure.
  if (isSarcastic(raw, normalized))
    return topic === 'rate' ? result('no', extracted, 0.75) : result('off_topic', extracted, 0.4);

  const answerContext: AnswerContext = { question: context.question, job: facts, now: context.now };
  const start = questionStart(normalized);
  // "oui ?", "ah bon ?", "euh oui ?": a word of surprise asks nothing and answers nothing.
  if (start >= 0 && BARE_SURPRISE.test(normalized)) return result('off_topic', extracted, 0.5);
  if (start >= 0 && /[a-z0-9€]/.test(normalized)) {
    const lastMark = normalized.lastIndexOf('?');
    const asked = normalized.slice(start, lastMark >= start ? lastMark + 1 : undefined);
    const before = answerBefore(raw, normalized.slice(0, start).replace(TRAILING_LINK, ''));
    // "12,50 brut ? c'est faible": an answer may also follow the question.
    const after = lastMark >= start ? normalized.slice(lastMark + 1).trim() : '';
    const sentence = normalized.slice(
      sentenceStart(normalized, start),
      lastMark >= start ? lastMark + 1 : undefined,
    );
    const hasFacts = prepared.protectedFacts.length > 0;
    let questionAbout = readQuestionAbout(asked, facts.city, hasFacts);
    if (questionAbout === 'other' || questionAbout === 'protected')
      questionAbout = readQuestionAbout(sentence, facts.city, hasFacts);
    // "mardi ça ira ?": a date offered as a question answers the availability question.
    const offersDate =
      topic === 'availability' &&
      before.length === 0 &&
      extracted.dates.length > 0 &&
      !bot &&
      !replyRules().QUESTION_WORD.test(asked.replace(/\?/g, ''));
    // "oui c'est pour quoi ?", "ok mais c'est payé combien ?": the yes is a hello or hangs on the answer.
    const voidsAnswer =
      replyRules().WHAT_IS_THIS.test(sentence) || isBareYesBeforeBut(normalized.slice(0, start));
    if (!offersDate && voidsAnswer) {
      extracted.questionAbout = questionAbout;
      return result('question', extracted, 0.85);
    }
    if (!offersDate) {
      for (const part of [before, after]) {
        const found = decisiveAnswer(raw, part, extracted, answerContext);
        if (found) {
          const answer = scoped(covered(found, part), part, extracted, answerContext);
          answer.extracted.questionAbout = questionAbout;
          return answer;
        }
      }
      extracted.questionAbout = questionAbout;
      return result('question', extracted, 0.85);
    }
  }

  // "je conduis", "je suis au travail là": not an answer, whatever else is said around it.
  let answerable = normalized.replace(replyRules().BUSY, ' ; ');
  let acknowledged = false;
  // "ok merci pour l'info": the message was read; the courtesy around it is no yes.
  if (replyRules().ACKNOWLEDGEMENT.test(answerable)) {
    answerable = answerable.replace(replyRules().ACKNOWLEDGEMENT, ' ; ');
    const words = answerable.split(/[^a-z0-9]+/).filter(Boolean);
    // "oui bien reçu": a yes word next to an acknowledgement acknowledges.
    if (words.every((word) => replyRules().COURTESY.has(word) || replyRules().INTERJECTION.test(word))) {
      answerable = '';
      acknowledged = true;
    }
  }
  // "bien reçu 👍": the thumbs up goes with the acknowledgement, it says no yes.
  const decided = decideAnswer(acknowledged ? '' : raw, answerable, extracted, answerContext);
  // The scope is read on the whole reply: what was set aside as courtesy may still hold a condition.
  if (decided)
    return rolledEyes(scoped(covered(decided, answerable), normalized, extracted, answerContext), raw);
  return result('off_topic', extracted, 0.3);
}

/**
 * The reading narrowed or corrected by the scope of its clauses ("oui enfin non", "ok si…", "normalement oui
 * faut que je voie"): see `reply-scope.ts`. A correcting clause is read alone, with its own dates.
 */
function scoped(
  reading: ReplyInterpretation,
  answer: string,
  extracted: ExtractedValues,
  context: AnswerContext,
): ReplyInterpretation {
  return applyClauseScope(reading, splitClauses(answer), (clause) =>
    decideAnswer(
      '',
      clause.text,
      answerOnly({ ...extracted, dates: [...extracted.dates] }, clause.text),
      context,
    ),
  );
}

/** "oui 🙄": a yes or a date beside an eye roll is unsure (asked again), never taken. */
function rolledEyes(reading: ReplyInterpretation, raw: string): ReplyInterpretation {
  if ((reading.intent !== 'yes' && reading.intent !== 'date_given') || !replyRules().EYE_ROLL.test(raw))
    return reading;
  return { ...reading, confidence: Math.min(reading.confidence, 0.59) };
}

/**
 * "ok mais …" before a question: an agreement hanging on the answer. "oui mais je commence à quelle
 * heure ?" says yes, and asks.
 */
function isBareYesBeforeBut(before: string): boolean {
  const link = /\b(?:mais|but)\b/.exec(before);
  if (!link) return false;
  const words = before
    .slice(0, link.index)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  return !words.includes('oui') && words.every((word) => replyRules().COURTESY.has(word));
}

/** A reply that is only surprise or a yes with a question mark ("oui ?", "ah bon ?", "euh oui ?"). */
const BARE_SURPRISE = /^\s*(?:(?:ah|oh|euh|heu|bon|ben|bah|oui|ok|allo|hein|ha)\s*)+\?+[\s?!.]*$/;

/** Boundaries between the answer and what leads into a question: punctuation, "et", "mais". */
const ANSWER_BOUNDARY = /[.!,;:]+|\b(?:et|mais|alors|donc|and|but|so)\b/g;

/**
 * The answer before a question, without the words that only lead into it: "oui, ça finit à quelle heure
 * ?" asks from "ça finit", "oui et je dois amener quoi ?" from "je dois amener". The words after the last
 * boundary go with the question when nothing in them answers (no yes or no word, doubt, date or way).
 */
function answerBefore(raw: string, before: string): string {
  let cut = -1;
  let after = 0;
  for (const match of before.matchAll(ANSWER_BOUNDARY)) {
    cut = match.index;
    after = match.index + match[0].length;
  }
  if (cut <= 0) return before;
  const tail = before.slice(after);
  const polarity = readPolarity(raw.replace(/[^\p{L}\p{N}\s'?,.!;:-]/gu, ''), tail);
  const answers =
    polarity.positive > 0 ||
    polarity.negative > 0 ||
    polarity.unsure ||
    polarity.weak ||
    polarity.hedged ||
    polarity.restricted ||
    /\d/.test(tail) ||
    replyRules().TRANSPORT.some(([pattern]) => pattern.test(tail));
  return answers ? before : before.slice(0, cut).trim();
}

/**
 * A yes or a date with its confidence lowered by the words of `answer` nothing read accounts for, and
 * unsure when not sure and a piece of the reply was not read at all (see `positiveRegionConfidence`).
 */
function covered(reading: ReplyInterpretation, answer: string): ReplyInterpretation {
  const lowered = coverageConfidence(reading.intent, reading.confidence, answer, reading.extracted);
  const confidence = positiveRegionConfidence(reading.intent, lowered, answer, reading.extracted);
  return confidence === reading.confidence ? reading : { ...reading, confidence };
}

/** Sarcasm: a sarcastic phrase, or praise with a cue ("lol", "encore une", 🙄, "…"). */
function isSarcastic(raw: string, normalized: string): boolean {
  if (replyRules().SARCASM.test(normalized)) return true;
  return (
    replyRules().IRONIC_PRAISE.test(normalized) &&
    (replyRules().SARCASM_CUE.test(normalized) || replyRules().SARCASM_MARK.test(raw))
  );
}

/** Start of the sentence holding position `index`. */
function sentenceStart(normalized: string, index: number): number {
  const boundary = Math.max(
    ...['.', '!', ',', ';', ':', '?'].map((mark) => normalized.lastIndexOf(mark, index - 1)),
  );
  return boundary < 0 ? 0 : boundary + 1;
}

/**
 * The answer a part of a reply gives next to a question, when it is one: yes, no, a date, or a partial
 * answer with words for or against ("jsp encore, c'est loin ?" asks, it does not answer).
 */
function decisiveAnswer(
  raw: string,
  part: string,
  extracted: ExtractedValues,
  context: AnswerContext,
): ReplyInterpretation | null {
  if (!/[a-z0-9]/.test(part)) return null;
  const answer = decideAnswer(raw, part, answerOnly(extracted, part), context);
  if (!answer || answer.intent === 'off_topic') return null;
  if (answer.intent !== 'partial') return answer;
  const polarity = readPolarity(raw, part);
  // "could be, what's the pay?": a hedge answers, with doubt.
  return polarity.positive > 0 ||
    polarity.negative > 0 ||
    polarity.restricted ||
    polarity.weak ||
    polarity.hedged ||
    answer.extracted.transport
    ? answer
    : null;
}

/** The values of the answer part only: dates and certificates read in it. */
function answerOnly(extracted: ExtractedValues, answer: string): ExtractedValues {
  return {
    ...extracted,
    dates: extracted.dates.filter((date) => answer.includes(date.text)),
    certificates: extracted.certificates.filter((item) => answer.includes(item.text)),
  };
}
