import type { JobOrder } from '../../domain/index.js';
import type {
  ExtractedValues,
  QuestionAbout,
  ReplyIntent,
  ReplyInterpretation,
  ScreeningQuestion,
  TransportMode,
} from '../../domain/screening.js';
import { certificateCovers, extractCertificates } from './reply-certificates.js';
import { calendarDayOf, extractDates, isoDay } from './reply-dates.js';
import {
  ABSENCE,
  ALONE_YES,
  IMMEDIATE,
  INJECTION,
  INTERJECTION,
  NEGATED_AFTER,
  NEGATIVE,
  NEGATIVE_EMOJI,
  NO_TRANSPORT,
  NOT_UNDERSTOOD,
  OPT_OUT,
  POSITIVE,
  POSITIVE_EMOJI,
  POSITIVE_WITH_NEGATION,
  QUESTION_ABOUT,
  QUESTION_ANYWHERE,
  QUESTION_START,
  RAW_INJECTION,
  RESTRICTION,
  TRANSPORT,
  UNSURE,
  VALIDITY,
  WANTS_HUMAN,
  WEAK,
} from './reply-rules.js';
import { normalizeReply } from './reply-text.js';

/** What reading a reply needs besides its text. */
export interface ReplyContext {
  /** The question the reply answers (null: no question pending). */
  question: ScreeningQuestion | null;
  job: JobOrder;
  /** Clock relative dates are resolved against ("lundi", "demain"). */
  now: Date | string;
}

function readRates(normalized: string, isRateQuestion: boolean): number[] {
  const rates: number[] = [];
  if (isRateQuestion) {
    // Answering the rate question, a bare "13" or "13,5" is a rate.
    for (const match of normalized.matchAll(
      /(?<![\d/.,])(\d{1,2})(?:[.,](\d{1,2}))?(?![\d/.,€]|\s*(?:h\b|heures?|ans?|km|mois|jours?|min))/g,
    )) {
      const value = Number(`${match[1]}.${(match[2] ?? '0').padEnd(2, '0')}`);
      if (value >= 9 && value <= 40) rates.push(value);
    }
  }
  // "12,50", "12.5€", "13€", "13 euros" (→ "13€"), "12€50"
  for (const match of normalized.matchAll(
    /(?<![\d/])(\d{1,2})(?:[.,](\d{1,2})|€(\d{2})\b)?\s*(€)?(?!\s*(?:h\b|heures?|ans?|km|mois|jours?|\/|\d))/g,
  )) {
    const cents = match[2] ?? match[3];
    const hasEuro = match[4] !== undefined || match[3] !== undefined;
    if (!cents && !hasEuro) continue;
    const value = Number(`${match[1]}.${cents ?? '0'}`.replace(/\.(\d)$/, '.$10'));
    if (value >= 5 && value <= 60) rates.push(Math.round(value * 100) / 100);
  }
  return [...new Set(rates)];
}

function readTransport(normalized: string): TransportMode | null {
  const withoutRefusals = normalized.replace(NO_TRANSPORT, ' ; ');
  for (const [pattern, mode] of TRANSPORT) if (pattern.test(withoutRefusals)) return mode;
  return withoutRefusals === normalized ? null : 'none';
}

function readQuestionAbout(normalized: string, job: JobOrder): QuestionAbout {
  for (const [pattern, about] of QUESTION_ABOUT) if (pattern.test(normalized)) return about;
  const city = job.location?.city ? normalizeReply(job.location.city) : null;
  if (city && ` ${normalized} `.includes(` ${city} `)) return 'address';
  return 'other';
}

interface Polarity {
  positive: number;
  negative: number;
  unsure: boolean;
  weak: boolean;
  restricted: boolean;
}

const NEGATIVE_GLOBAL = NEGATIVE.map((pattern) => new RegExp(pattern.source, 'g'));
const RESTRICTION_ONCE = new RegExp(RESTRICTION.source);

function readPolarity(raw: string, normalized: string): Polarity {
  let rest = ` ${normalized} `;
  let positive = 0;
  rest = rest.replace(POSITIVE_WITH_NEGATION, () => {
    positive++;
    return ' ; ';
  });
  let unsure = false;
  rest = rest.replace(UNSURE, () => {
    unsure = true;
    return ' ; ';
  });
  let weak = false;
  rest = rest.replace(WEAK, () => {
    weak = true;
    return ' ; ';
  });
  // Negations, with the span each covers ("pas disponible" is one negation, not a yes).
  const negatedSpans: [number, number][] = [];
  for (const pattern of NEGATIVE_GLOBAL) {
    for (const match of rest.matchAll(pattern))
      negatedSpans.push([match.index, match.index + match[0].length]);
  }
  for (const match of rest.matchAll(POSITIVE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (negatedSpans.some(([a, b]) => start < b && end > a)) continue;
    // Spoken French drops "ne": "je peux pas", "ca me va pas" are refusals.
    if (!INTERJECTION.test(match[0]) && NEGATED_AFTER.test(rest.slice(end, end + 16))) continue;
    positive++;
  }
  if (ALONE_YES.has(rest.trim())) positive++;
  const restricted = RESTRICTION_ONCE.test(rest);
  if (POSITIVE_EMOJI.test(raw)) positive++;
  if (NEGATIVE_EMOJI.test(raw)) negatedSpans.push([0, 0]);
  return { positive, negative: negatedSpans.length, unsure, weak, restricted };
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function emptyExtracted(): ExtractedValues {
  return {
    dates: [],
    immediate: false,
    certificates: [],
    hourlyRates: [],
    transport: null,
    questionAbout: null,
  };
}

function result(intent: ReplyIntent, extracted: ExtractedValues, confidence: number): ReplyInterpretation {
  return { intent, extracted, confidence, by: 'rules' };
}

/**
 * Reads a reply with rules only: offline and deterministic. Returns a low confidence when it cannot
 * decide (then `interpretReply` may ask a model).
 */
export function interpretReplyWithRules(text: string, context: ReplyContext): ReplyInterpretation {
  const normalized = normalizeReply(text);
  const extracted = emptyExtracted();
  const topic = context.question?.topic ?? null;
  if (normalized.length === 0 && !POSITIVE_EMOJI.test(text) && !NEGATIVE_EMOJI.test(text))
    return result('off_topic', extracted, 0.9);

  if (OPT_OUT.test(normalized)) return result('opt_out', extracted, 1);
  if (RAW_INJECTION.test(text.toLowerCase()) || INJECTION.test(normalized))
    return result('injection', extracted, 0.95);

  const today = calendarDayOf(new Date(context.now));
  const isCategoryQuestion = topic === 'certification' || topic === 'licence';
  extracted.dates = extractDates(normalized, today, { bareDayOfMonth: !isCategoryQuestion });
  extracted.immediate = IMMEDIATE.test(normalized);
  extracted.certificates = extractCertificates(
    normalized,
    context.question?.code && isCategoryQuestion
      ? { code: context.question.code, kind: topic === 'licence' ? 'licence' : 'certification' }
      : null,
  );
  extracted.hourlyRates = readRates(normalized, topic === 'rate');
  extracted.transport = readTransport(normalized);

  if (WANTS_HUMAN.test(normalized)) return result('wants_human', extracted, 0.9);

  const isQuestion =
    /\?/.test(normalized) || QUESTION_START.test(normalized) || QUESTION_ANYWHERE.test(normalized);
  // "mardi ça ira ?": a date offered as a question answers the availability question.
  const offersDate =
    topic === 'availability' &&
    extracted.dates.length > 0 &&
    !QUESTION_START.test(normalized) &&
    !QUESTION_ANYWHERE.test(normalized);
  if (isQuestion && !offersDate && /[a-z0-9€]/.test(normalized)) {
    extracted.questionAbout = readQuestionAbout(normalized, context.job);
    return result('question', extracted, 0.85);
  }

  if (NOT_UNDERSTOOD.test(normalized)) return result('off_topic', extracted, 0.8);
  const polarity = readPolarity(text, normalized);
  const decided = decideForTopic(topic, polarity, extracted, context, normalized);
  if (decided) return decided;
  return result('off_topic', extracted, 0.3);
}

function basicPolarity(polarity: Polarity): { intent: ReplyIntent; confidence: number } | null {
  const { positive, negative, unsure, weak, restricted } = polarity;
  if (positive > 0 && negative > 0) return { intent: 'partial', confidence: 0.7 };
  if (positive > 0 && (restricted || unsure)) return { intent: 'partial', confidence: 0.7 };
  if (positive > 0) return { intent: 'yes', confidence: weak ? 0.75 : 0.9 };
  if (negative > 0 && unsure) return { intent: 'partial', confidence: 0.6 };
  if (negative > 0) return { intent: 'no', confidence: restricted ? 0.7 : 0.9 };
  if (unsure || weak) return { intent: 'partial', confidence: 0.7 };
  if (restricted) return { intent: 'partial', confidence: 0.6 };
  return null;
}

function decideForTopic(
  topic: ScreeningQuestion['topic'] | null,
  polarity: Polarity,
  extracted: ExtractedValues,
  context: ReplyContext,
  normalized: string,
): ReplyInterpretation | null {
  const basic = basicPolarity(polarity);
  switch (topic) {
    case 'availability': {
      const fromOrOn = extracted.dates.filter((date) => date.kind !== 'until');
      const hasFrom = fromOrOn.some((date) => date.kind === 'from');
      if (polarity.unsure && polarity.positive === 0) return result('partial', extracted, 0.7);
      const until = extracted.dates.find((date) => date.kind === 'until');
      if (fromOrOn.length === 0 && until && ABSENCE.test(normalized)) {
        // "en vacances jusqu'au 3 janvier": free from the day after.
        extracted.dates.push({ date: nextDay(until.date), kind: 'from', text: until.text });
        return result('date_given', extracted, 0.8);
      }
      // "oui sauf le mercredi", "un rdv le 5 mais sinon oui": the dates are exceptions.
      if (fromOrOn.length > 0 && polarity.restricted && polarity.positive > 0 && !hasFrom)
        return result('partial', extracted, 0.7);
      if (fromOrOn.length > 0) {
        const plainRefusal =
          polarity.negative > 0 && polarity.positive === 0 && !fromOrOn.some((d) => d.kind === 'from');
        if (!plainRefusal || polarity.restricted) return result('date_given', extracted, 0.85);
      }
      if (extracted.immediate && polarity.negative === 0) return result('yes', extracted, 0.9);
      if (extracted.dates.length > 0 && basic?.intent === 'yes') return result('partial', extracted, 0.7);
      break;
    }
    case 'certification':
    case 'licence': {
      const required = context.question?.code ?? null;
      const mentioned = extracted.certificates.find(
        (item) => item.code === required || (required !== null && certificateCovers(item.code, required)),
      );
      const others = extracted.certificates.filter((item) => item !== mentioned && !item.negated);
      // A date is the certificate's validity only when the reply is about it ("en vacances jusqu'au 3" is not).
      const aboutValidity =
        !ABSENCE.test(normalized) &&
        (extracted.certificates.length > 0 || polarity.positive > 0 || VALIDITY.test(normalized));
      const until = aboutValidity ? extracted.dates.find((date) => date.kind === 'until') : undefined;
      if (mentioned?.negated) return result('no', extracted, 0.9);
      if (until && required) {
        const start = context.job.startDate ?? isoDay(calendarDayOf(new Date(context.now)));
        const end = context.job.endDate ?? start;
        if (until.date < start) return result('no', extracted, 0.8);
        if (until.date < end) return result('partial', extracted, 0.75);
        if (polarity.negative === 0) return result('yes', extracted, 0.85);
      }
      if (polarity.negative > 0 && !polarity.unsure && !(mentioned && polarity.positive > 0))
        return result('no', extracted, 0.85);
      if (mentioned && polarity.negative === 0 && !polarity.unsure) {
        return result(polarity.restricted && others.length === 0 ? 'partial' : 'yes', extracted, 0.9);
      }
      if (!mentioned && others.length > 0 && sameFamily(required, others[0]!.code)) {
        return result(polarity.unsure ? 'partial' : 'no', extracted, 0.85);
      }
      break;
    }
    case 'transport': {
      const mode = extracted.transport;
      if (mode && mode !== 'none') return result(polarity.unsure ? 'partial' : 'yes', extracted, 0.9);
      if (mode === 'none') return result(polarity.positive > 0 ? 'partial' : 'no', extracted, 0.85);
      break;
    }
    case 'rate': {
      const wanted = extracted.hourlyRates.find(
        (rate) => context.job.hourlyRateEur !== null && rate > context.job.hourlyRateEur + 0.001,
      );
      if (wanted !== undefined && polarity.positive === 0) return result('no', extracted, 0.8);
      if (wanted !== undefined) return result('partial', extracted, 0.7);
      break;
    }
    default:
      break;
  }
  if (basic) return result(basic.intent, extracted, basic.confidence);
  if (topic === null && extracted.dates.length > 0) return result('date_given', extracted, 0.7);
  return null;
}

function sameFamily(required: string | null, other: string): boolean {
  if (!required) return false;
  const family = (code: string) => code.replace(/_[^_]+$/, '');
  if (required.startsWith('CACES_') || required.startsWith('HAB_ELEC_'))
    return family(required) === family(other);
  // Licences: any other licence category answers a licence question.
  return !required.includes('_') && !other.includes('_');
}
