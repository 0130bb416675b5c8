import type {
  ExtractedValues,
  ReplyIntent,
  ReplyInterpretation,
  ScreeningJob,
  ScreeningQuestion,
  TransportMode,
} from '../../domain/index.js';
import { memoise } from '../../support/memoise.js';
import { certificateCovers } from './reply-certificates.js';
import { calendarDayOf, isoDay } from './reply-dates.js';
import { replyRules } from './reply-rules.js';

/** What an answer needs besides its words. */
export interface AnswerContext {
  question: ScreeningQuestion | null;
  job: Pick<ScreeningJob, 'startDate' | 'endDate' | 'hourlyRateEur'>;
  now: Date | string;
}

export interface Polarity {
  positive: number;
  /** Yes words that assert ("oui", "j'ai", "pas de souci"), not only agree ("ok", "super", 👍). */
  asserting: number;
  negative: number;
  unsure: boolean;
  weak: boolean;
  /** A hedge in the conditional or of belief ("je devrais pouvoir", "I guess"): a yes becomes partial. */
  hedged: boolean;
  restricted: boolean;
  /**
   * Yes words that only say one holds something ("j'ai le…", "je l'ai"): a yes to a question about a fact
   * (a certificate, a way to come), not to whether one is free or accepts ("j'ai le caces 3" answers no
   * availability question).
   */
  holding: number;
  /** Having said yes elsewhere or found another job ("c'est bon j'ai déjà qqch"). */
  committed: boolean;
}

const UNSURE_EMOJI = /[\u{1F914}\u{1F937}]/u;
/** Global and single-match forms of some reply patterns, built with them on first use. */
const derived = memoise(() => {
  const rules = replyRules();
  return {
    negativeGlobal: rules.NEGATIVE.map((pattern) => new RegExp(pattern.source, 'g')),
    restrictionOnce: new RegExp(rules.RESTRICTION.source),
    negativeEmojiAll: new RegExp(rules.NEGATIVE_EMOJI.source, 'gu'),
    /** A missing way to come, with the contrast that introduces it ("mais j'ai pas de voiture"). */
    transportGap: new RegExp(
      `(?:\\b(?:mais|but|par contre|sauf que|juste|just)\\s+)?(?:${rules.NO_TRANSPORT.source})`,
      'g',
    ),
  };
});

/** Counts yes and no words, doubt, hedges and restrictions in a normalised reply (`raw`: for emoji). */
export function readPolarity(raw: string, normalized: string): Polarity {
  // "oui si vous voulez": politeness, no condition (and its "ça vous va" no second yes).
  let rest = ` ${normalized} `.replace(replyRules().POLITE_CONDITION, ' ; ');
  let positive = 0;
  let asserting = 0;
  rest = rest.replace(replyRules().POSITIVE_WITH_NEGATION, () => {
    positive++;
    asserting++;
    return ' ; ';
  });
  let unsure = false;
  rest = rest.replace(replyRules().UNSURE, () => {
    unsure = true;
    return ' ; ';
  });
  let weak = false;
  rest = rest.replace(replyRules().WEAK, () => {
    weak = true;
    return ' ; ';
  });
  // "pas le week-end", "pas de nuit": a restriction of when, no refusal.
  let excluded = false;
  rest = rest.replace(replyRules().DAY_EXCLUSION, () => {
    excluded = true;
    return ' ; ';
  });
  let hedged = false;
  rest = rest.replace(replyRules().HEDGE, () => {
    hedged = true;
    return ' ; ';
  });
  // Negations, with the span each covers ("pas disponible" is one negation, not a yes).
  const negatedSpans: [number, number][] = [];
  // "j'ai dit oui à une autre agence": a refusal, and its "oui" is no yes to this job.
  let committed = false;
  for (const match of rest.matchAll(replyRules().COMMITTED_ELSEWHERE)) {
    negatedSpans.push([match.index, match.index + match[0].length]);
    committed = true;
  }
  for (const pattern of derived().negativeGlobal) {
    for (const match of rest.matchAll(pattern))
      negatedSpans.push([match.index, match.index + match[0].length]);
  }
  let holding = 0;
  for (const match of rest.matchAll(replyRules().POSITIVE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (negatedSpans.some(([a, b]) => start < b && end > a)) continue;
    // Spoken French drops "ne": "je peux pas", "ca me va pas" are refusals.
    if (
      !replyRules().INTERJECTION.test(match[0]) &&
      replyRules().NEGATED_AFTER.test(rest.slice(end, end + 16))
    )
      continue;
    const holds = replyRules().HOLDING.test(match[0]);
    // "j'ai un empêchement": what is held is a negation, no yes.
    if (holds && negatedSpans.some(([a]) => a >= end && a <= end + 2)) continue;
    positive++;
    if (holds) holding++;
    if (!replyRules().AGREEMENT.test(match[0])) asserting++;
  }
  if (replyRules().ALONE_YES.has(rest.trim())) {
    positive++;
    asserting++;
  }
  const restricted = excluded || derived().restrictionOnce.test(rest);
  if (replyRules().POSITIVE_EMOJI.test(raw)) positive++;
  // 🤔 🤷: thinking, shrugging.
  if (UNSURE_EMOJI.test(raw)) unsure = true;
  if (replyRules().NEGATIVE_EMOJI.test(raw)) negatedSpans.push([0, 0]);
  return {
    positive,
    asserting,
    negative: negatedSpans.length,
    unsure,
    weak,
    hedged,
    restricted,
    holding,
    committed,
  };
}

/**
 * A negation after a restriction ("en bus mais y en a pas le dimanche"): the answer has a gap. One before
 * it ("j'ai pas le permis mais je prends le train") is what the restriction answers.
 */
function negatedAfterRestriction(raw: string, normalized: string): boolean {
  const restriction = derived().restrictionOnce.exec(normalized);
  if (!restriction) return false;
  const after = normalized.slice(restriction.index + restriction[0].length);
  // "mais y en a pas le dimanche": a day without is a gap too.
  return readPolarity(raw, after).negative > 0 || new RegExp(replyRules().DAY_EXCLUSION.source).test(after);
}

/** Pieces of a reply, between punctuation. */
const PIECE = /[,;!?]+|\.{2,}|…|\.(?!\d)/;

/**
 * The polarity of the last piece of the reply that names a way to come, when a negation stands in it
 * (what "pas de voiture" says is left out: that is no negation of the way named); null otherwise.
 */
function negatedWay(raw: string, normalized: string): Polarity | null {
  const pieces = normalized
    .split(PIECE)
    .map((piece) => piece.replace(replyRules().NO_TRANSPORT, ' ; '))
    .filter((piece) => replyRules().TRANSPORT.some(([pattern]) => pattern.test(piece)));
  const last = pieces.at(-1);
  if (last === undefined) return null;
  const polarity = readPolarity(raw.replace(derived().negativeEmojiAll, ''), last);
  return polarity.negative > 0 ? polarity : null;
}

/** The last contrast of a reply ("mais", "par contre", "sinon", "but", "otherwise"). */
const LAST_CONTRAST =
  /\b(?:mais|par contre|sinon|but|otherwise|instead)\b(?!.*\b(?:mais|par contre|sinon|but|otherwise|instead)\b)/;

/**
 * The way to come a reply offers after its last contrast, when that part says it plainly (no negation,
 * doubt or hedge of its own): "ma voiture est en panne mais je prendrai le bus" comes by bus.
 */
function wayInstead(raw: string, normalized: string): TransportMode | null {
  const contrast = LAST_CONTRAST.exec(normalized);
  if (!contrast) return null;
  const tail = normalized.slice(contrast.index + contrast[0].length);
  if (replyRules().TRANSPORT_DOUBT.test(tail) || replyRules().NO_TRANSPORT.test(tail)) return null;
  const polarity = readPolarity(raw.replace(derived().negativeEmojiAll, ''), tail);
  if (polarity.negative > 0 || polarity.unsure || polarity.hedged || polarity.restricted) return null;
  return replyRules().TRANSPORT.find(([pattern]) => pattern.test(tail))?.[1] ?? null;
}

function isPositive(intent: ReplyIntent): boolean {
  return intent === 'yes' || intent === 'date_given';
}

/** Questions about a fact (held, has a way to come): a yes must assert it. */
const FACT_TOPICS: ReadonlySet<string> = new Set(['certification', 'licence', 'transport']);

/**
 * The polarity as an answer to the question: "j'ai le caces 3" says what one holds, no yes to being free,
 * to a rate or to a confirmation; those holding words are left out of the yes count there.
 */
function withoutHolding(polarity: Polarity, topic: string | null): Polarity {
  if (polarity.holding === 0 || FACT_TOPICS.has(topic ?? '')) return polarity;
  return {
    ...polarity,
    positive: polarity.positive - polarity.holding,
    asserting: Math.max(0, polarity.asserting - polarity.holding),
    holding: 0,
  };
}

function result(intent: ReplyIntent, extracted: ExtractedValues, confidence: number): ReplyInterpretation {
  return { intent, extracted, confidence, by: 'rules' };
}

function basicPolarity(polarity: Polarity): { intent: ReplyIntent; confidence: number } | null {
  const { positive, negative, unsure, weak, hedged, restricted } = polarity;
  // "c'est bon j'ai déjà qqch", "ok merci mais j'ai signé ailleurs": taken elsewhere, whatever courtesy.
  if (polarity.committed && !restricted && !unsure && !hedged) return { intent: 'no', confidence: 0.85 };
  if (positive > 0 && negative > 0) return { intent: 'partial', confidence: 0.7 };
  if (hedged && negative === 0) return { intent: 'partial', confidence: positive > 0 ? 0.7 : 0.65 };
  if (positive > 0 && (restricted || unsure)) return { intent: 'partial', confidence: 0.7 };
  if (positive > 0) return { intent: 'yes', confidence: weak ? 0.75 : 0.9 };
  if (negative > 0 && unsure) return { intent: 'partial', confidence: 0.6 };
  if (negative > 0) return { intent: 'no', confidence: restricted ? 0.7 : 0.9 };
  if (unsure || weak) return { intent: 'partial', confidence: 0.7 };
  if (restricted) return { intent: 'partial', confidence: 0.6 };
  return null;
}

function nextDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Whether the dates of a reply answer the availability question: the reply speaks of availability
 * ("dispo", "commencer", "à partir"), or holds nothing but the date ("lundi 11", "le 4 ok"). "Il fait
 * beau aujourd'hui" does not.
 */
function datesAnswerAvailability(normalized: string, extracted: ExtractedValues): boolean {
  // "pas de souci pour mardi 5": a yes phrase makes the date an answer too.
  if (
    replyRules().DATE_CONTEXT.test(normalized) ||
    normalized.search(replyRules().POSITIVE_WITH_NEGATION) >= 0
  )
    return true;
  let rest = ` ${normalized} `;
  for (const date of extracted.dates) rest = rest.replace(date.text, ' ');
  return rest.split(/[^a-z0-9]+/).every((word) => word.length === 0 || replyRules().DATE_FILLERS.has(word));
}

function decideAvailability(
  polarity: Polarity,
  extracted: ExtractedValues,
  normalized: string,
  context: AnswerContext,
): ReplyInterpretation | null {
  if (polarity.unsure && polarity.positive === 0) return result('partial', extracted, 0.7);
  // "déjà en mission jusqu'à fin mars": bound elsewhere, a constraint and no date, unless the reply says
  // from when the person is free. Bound until before the start: not a no, not a yes either.
  if (replyRules().ONGOING_COMMITMENT.test(normalized)) {
    // A date is when the person is free only with "à partir", or a yes word ("libre le 18"); else it
    // is the end of what binds them ("fin prévue le 30").
    const free = extracted.dates.filter(
      (date) =>
        normalized.includes(date.text) &&
        (date.kind === 'from' || (date.kind === 'on' && polarity.positive > 0)),
    );
    if (free.length === 0) {
      const until = extracted.dates.find((date) => date.kind === 'until');
      const start = context.job.startDate;
      return until && start && until.date < start
        ? result('partial', extracted, 0.7)
        : result('no', extracted, 0.85);
    }
  }
  // Only the dates of the words read ("je regarde ça ce soir" was set aside as an acknowledgement).
  extracted.dates = extracted.dates.filter((date) => normalized.includes(date.text));
  const dated = datesAnswerAvailability(normalized, extracted);
  if (!dated) extracted.dates = [];
  const fromOrOn = extracted.dates.filter((date) => date.kind !== 'until');
  const hasFrom = fromOrOn.some((date) => date.kind === 'from');
  const until = extracted.dates.find((date) => date.kind === 'until');
  if (fromOrOn.length === 0 && until && replyRules().ABSENCE.test(normalized)) {
    // "en vacances jusqu'au 3 janvier": free from the day after.
    extracted.dates.push({ date: nextDay(until.date), kind: 'from', text: until.text });
    return result('date_given', extracted, 0.8);
  }
  // "oui sauf le mercredi", "un rdv le 5 mais sinon oui": the dates are exceptions.
  if (fromOrOn.length > 0 && polarity.restricted && polarity.positive > 0 && !hasFrom)
    return result('partial', extracted, 0.7);
  if (fromOrOn.length > 0) {
    const plainRefusal = polarity.negative > 0 && polarity.positive === 0 && !hasFrom;
    if (!plainRefusal || polarity.restricted) return result('date_given', extracted, 0.85);
  }
  if (extracted.immediate && polarity.negative === 0) return result('yes', extracted, 0.9);
  if (extracted.dates.length > 0 && basicPolarity(polarity)?.intent === 'yes')
    return result('partial', extracted, 0.7);
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

function decideCertificate(
  polarity: Polarity,
  extracted: ExtractedValues,
  context: AnswerContext,
  normalized: string,
): ReplyInterpretation | null {
  // "à renouveler, elle a expiré": lapsed, not a renewal under way.
  if (replyRules().AWAITING_DOCUMENT.test(normalized) && !replyRules().LAPSED.test(normalized))
    return result('partial', extracted, 0.75);
  if (replyRules().NOT_YET_HELD.test(normalized)) return result('no', extracted, 0.85);
  const required = context.question?.code ?? null;
  const mentioned = extracted.certificates.find(
    (item) => item.code === required || (required !== null && certificateCovers(item.code, required)),
  );
  const others = extracted.certificates.filter((item) => item !== mentioned && !item.negated);
  // A date is the certificate's validity only when the reply is about it ("en vacances jusqu'au 3" is not).
  const aboutValidity =
    !replyRules().ABSENCE.test(normalized) &&
    (extracted.certificates.length > 0 || polarity.positive > 0 || replyRules().VALIDITY.test(normalized));
  const until = aboutValidity ? extracted.dates.find((date) => date.kind === 'until') : undefined;
  if (mentioned?.negated) return result('no', extracted, 0.9);
  // "oui le C mais pas la FCO": the negations are about other certificates; the one asked is held.
  const negatedOthers = extracted.certificates.filter((item) => item !== mentioned && item.negated).length;
  if (
    mentioned &&
    polarity.positive > 0 &&
    polarity.negative > 0 &&
    polarity.negative <= negatedOthers &&
    !polarity.unsure &&
    !polarity.hedged
  )
    return result('yes', extracted, 0.85);
  if (until && required) {
    const start = context.job.startDate ?? isoDay(calendarDayOf(new Date(context.now)));
    const end = context.job.endDate ?? start;
    if (until.date < start) return result('no', extracted, 0.8);
    if (until.date < end) return result('partial', extracted, 0.75);
    if (polarity.negative === 0) return result('yes', extracted, 0.85);
  }
  if (polarity.negative > 0 && !polarity.unsure && !(mentioned && polarity.positive > 0))
    return result('no', extracted, 0.85);
  if (mentioned && polarity.negative === 0 && !polarity.unsure)
    return result(polarity.restricted && others.length === 0 ? 'partial' : 'yes', extracted, 0.9);
  if (!mentioned && others.length > 0 && sameFamily(required, others[0]!.code))
    return result(polarity.unsure ? 'partial' : 'no', extracted, 0.85);
  // "oui j'ai le caces", "j'en ai un": held, but which one is not said.
  if (!mentioned && polarity.negative === 0 && replyRules().UNSPECIFIED_CERTIFICATE.test(normalized))
    return result('partial', extracted, 0.7);
  return null;
}

/**
 * The words that answer whether one is free: "oui mais j'ai pas de voiture" is a yes to the availability
 * question (the way to come is asked on its own), so a missing way beside a yes is left out of it.
 */
function availabilityWords(normalized: string, raw: string, topic: string | null): string {
  if (topic !== 'availability') return normalized;
  const polarity = readPolarity(raw, normalized);
  if (polarity.positive === 0 || polarity.negative === 0) return normalized;
  return normalized.replace(derived().transportGap, ' ; ');
}

/**
 * "oui mais j'espérais plus", "c'est un peu juste mais ok": a yes beside a grumble about the pay accepts
 * it (with less confidence); null when the reply holds no grumble or no plain yes once it is set aside.
 */
function acceptedWithComplaint(
  raw: string,
  normalized: string,
  extracted: ExtractedValues,
): ReplyInterpretation | null {
  const rest = ` ${normalized} `.replace(replyRules().RATE_COMPLAINT, ' ; ');
  if (rest === ` ${normalized} `) return null;
  const polarity = readPolarity(raw, rest.replace(/\b(?:mais|but|quand meme|though|bon)\b/g, ' ; '));
  // An explicit yes ("oui mais j'espérais plus"); an agreement word ("un peu juste mais ok") stays partial.
  const plainYes =
    polarity.asserting > 0 &&
    polarity.negative === 0 &&
    !polarity.unsure &&
    !polarity.hedged &&
    !polarity.restricted &&
    !polarity.weak;
  return plainYes ? result('yes', extracted, 0.75) : null;
}

/**
 * The answer a reply gives to the question, from its words (`normalized`, see `normalizeReply`) and the
 * values already extracted; null when it gives none.
 */
export function decideAnswer(
  raw: string,
  normalized: string,
  extracted: ExtractedValues,
  context: AnswerContext,
): ReplyInterpretation | null {
  const topic = context.question?.topic ?? null;
  const polarity = withoutHolding(readPolarity(raw, availabilityWords(normalized, raw, topic)), topic);
  const basic = basicPolarity(polarity);
  let decided: ReplyInterpretation | null = null;
  switch (topic) {
    case 'availability':
      decided = decideAvailability(polarity, extracted, normalized, context);
      break;
    case 'certification':
    case 'licence':
      decided = decideCertificate(polarity, extracted, context, normalized);
      break;
    case 'transport': {
      const mode = extracted.transport;
      // Doubt read without the "no way to come" words ("pas de moyen" is not "moyen", so-so).
      const without = readPolarity(raw, normalized.replace(replyRules().NO_TRANSPORT, ' ; '));
      const doubt =
        replyRules().TRANSPORT_DOUBT.test(normalized) ||
        without.unsure ||
        without.hedged ||
        negatedAfterRestriction(raw, normalized.replace(replyRules().NO_TRANSPORT, ' ; '));
      const instead = wayInstead(raw, normalized);
      // "ma voiture est en panne mais je prendrai le bus": the way after the contrast is the answer.
      if (doubt && instead) {
        extracted.transport = instead;
        decided = result('yes', extracted, 0.8);
      }
      // "j'ai mon permis mais pas de voiture": the yes is about the licence, not the way to come.
      else if (mode === 'none') decided = result(doubt ? 'partial' : 'no', extracted, 0.85);
      else if (mode && doubt) decided = result('partial', extracted, 0.9);
      else if (mode) {
        // "non je suis à pied et c'est trop loin": the way named is negated in its own piece of the reply;
        // a refusal when nothing there says yes, else a doubt. "non elle est vendue, en bus" names the way
        // in a piece of its own: the answer.
        const negated = negatedWay(raw, normalized);
        decided = negated
          ? negated.positive === 0 && !negated.restricted
            ? result('no', extracted, 0.75)
            : result('partial', extracted, 0.7)
          : result('yes', extracted, 0.9);
      }
      break;
    }
    case 'rate': {
      const rate = context.job.hourlyRateEur;
      const wanted = extracted.hourlyRates.find((value) => rate !== null && value > rate + 0.001);
      // "si c'est 13 je viens": a condition, not a refusal.
      if (wanted !== undefined)
        decided =
          polarity.positive === 0 && !polarity.restricted && !polarity.hedged
            ? result('no', extracted, 0.8)
            : result('partial', extracted, 0.7);
      else decided = acceptedWithComplaint(raw, normalized, extracted);
      break;
    }
    default:
      break;
  }
  // "bus normalement", "normalement lundi": a hedge adverb and no yes word; the answer is only implied.
  if (decided && isPositive(decided.intent) && polarity.weak && polarity.positive === 0)
    return result('partial', extracted, 0.7);
  if (decided) return decided;
  // "ok" or 👍 to "do you hold the CACES 3?" agrees, it does not say one holds it: unsure.
  if (basic?.intent === 'yes' && polarity.asserting === 0 && FACT_TOPICS.has(topic ?? ''))
    return result('yes', extracted, 0.5);
  if (basic) return result(basic.intent, extracted, basic.confidence);
  if (topic === null && extracted.dates.length > 0) return result('date_given', extracted, 0.7);
  return null;
}
