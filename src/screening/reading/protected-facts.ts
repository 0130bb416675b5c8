import { literalPattern, nameParts } from '../../compliance/redact-text.js';
import type { ProtectedCriterion } from '../../domain/index.js';
import { fromEveryLocale, languages, locales, vocabularySource } from '../../locale/index.js';
import { phoneNumbers } from '../../support/phone-numbers.js';
import { foldAccents } from '../../text/index.js';

/**
 * Protected facts a candidate volunteers in a reply ("je suis musulman et j'ai 3 enfants, 55 ans"), names,
 * phone numbers and e-mail addresses: found as spans of the reply as written, so they can be left out of
 * the reading (they weigh on nothing) and redacted from what the recruiter sees. The words are in
 * `src/locale/<language>/protected-fact-words.ts`.
 */

/** A span of the reply as written, `[start, end)`. */
export interface ReplySpan {
  start: number;
  end: number;
  /** The criterion for a protected fact; `identity` for a name, phone number or e-mail address. */
  kind: ProtectedCriterion | 'identity';
}

/** The reply folded for matching (accents folded, lower case, punctuation and runs of spaces as one space), with where each folded character came from. */
export interface FoldedText {
  text: string;
  /** Index in the original text of each folded character. */
  origin: number[];
}

const FOLDED_CHARACTERS = new Map<string, string>();
/** One character folded for matching (cached: replies repeat the same few characters). */
function foldCharacter(character: string): string {
  let folded = FOLDED_CHARACTERS.get(character);
  if (folded === undefined) {
    folded = foldAccents(character)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ' ');
    if (FOLDED_CHARACTERS.size < 4096) FOLDED_CHARACTERS.set(character, folded);
  }
  return folded;
}

/** Folds a text character by character, keeping the way back to the original positions. */
export function foldWithOrigin(text: string): FoldedText {
  let out = '';
  const origin: number[] = [];
  let index = 0;
  for (const character of text) {
    const folded = foldCharacter(character);
    for (const char of folded) {
      if (char === ' ' && (out.length === 0 || out.endsWith(' '))) continue;
      out += char;
      origin.push(index);
    }
    index += character.length;
  }
  return { text: out, origin };
}

const CRITERIA = Object.keys(locales.fr.protectedFacts.facts) as ProtectedCriterion[];

const FACT_PATTERNS: { criterion: ProtectedCriterion; pattern: RegExp }[] = CRITERIA.flatMap((criterion) => {
  const sources = languages
    .map((language) => locales[language].protectedFacts.facts[criterion])
    .filter((entries) => entries.length > 0)
    .map((entries) => vocabularySource(entries));
  return sources.length > 0 ? [{ criterion, pattern: new RegExp(sources.join('|'), 'g') }] : [];
});

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

/**
 * A full name written in a reply: two or three capitalised words ("Mohamed Diallo", "C'est Karim Benali"),
 * none of them a word the reply reader knows as an answer ("Oui Merci").
 */
const CAPITALISED_RUN = /(?<![\p{L}'’])\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}(?![\p{L}])/gu;

/** Capitalised words that start replies and are not names. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  fromEveryLocale((locale) => [
    ...Object.keys(locale.reply.smsShorthand),
    ...Object.values(locale.reply.smsShorthand).flatMap((words) => words.split(' ')),
    ...locale.protectedFacts.fillers,
    ...locale.calendar.weekdayNames.map((name) => foldAccents(name).toLowerCase()),
    ...locale.calendar.monthNames.map((name) => foldAccents(name).toLowerCase()),
  ]).concat([
    'oui',
    'non',
    'ok',
    'merci',
    'bonjour',
    'bonsoir',
    'dispo',
    'disponible',
    'stop',
    'pas',
    'yes',
    'no',
    'hello',
    'thanks',
    'caces',
    'permis',
    'noel',
  ]),
);

function identitySpans(text: string, identifiers: ReplyIdentifierLists): ReplySpan[] {
  const spans: ReplySpan[] = [];
  for (const match of text.matchAll(EMAIL))
    spans.push({ start: match.index, end: match.index + match[0].length, kind: 'identity' });
  // A phone number has at least 8 digits: most replies have none, and the search is costly.
  if ((text.match(/\d/g)?.length ?? 0) >= 8)
    for (const phone of phoneNumbers().findPhoneNumbersInText(text, { defaultCountry: 'FR' }))
      spans.push({ start: phone.startsAt, end: phone.endsAt, kind: 'identity' });
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(/\s+/).map((word) => foldAccents(word).toLowerCase().replace(/['’-]/g, ' '));
    if (words.some((word) => word.split(' ').some((part) => NOT_NAMES.has(part)))) continue;
    spans.push({ start: match.index, end: match.index + match[0].length, kind: 'identity' });
  }
  // The candidate's own name parts and e-mails, whatever the accents, case and separators.
  const literals = [...identifiers.names.flatMap((name) => nameParts(name)), ...identifiers.emails];
  for (const literal of literals) {
    if (literal.trim().length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${literalPattern(literal)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'identity' });
  }
  for (const phone of identifiers.phones) {
    const digits = phone.replace(/\D/g, '').replace(/^33/, '').replace(/^0/, '');
    if (digits.length < 6) continue;
    const pattern = new RegExp(`(?:\\+?33\\s*|0)?${[...digits].join('[\\s.\\-]*')}`, 'g');
    for (const match of text.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length, kind: 'identity' });
  }
  return spans;
}

function toOriginal(folded: FoldedText, start: number, length: number, kind: ReplySpan['kind']): ReplySpan {
  const first = folded.origin[start] ?? 0;
  const lastIndex = folded.origin[start + length - 1] ?? first;
  // Extend to the end of the last original character (surrogate pairs, ligatures).
  const next = folded.origin.find((position, index) => index >= start + length && position > lastIndex);
  return { start: first, end: next ?? lastIndex + 1, kind };
}

export interface ReplyIdentifierLists {
  names: readonly string[];
  phones: readonly string[];
  emails: readonly string[];
}

const NO_IDENTIFIERS: ReplyIdentifierLists = { names: [], phones: [], emails: [] };

/** Spans of recent replies: a reply is read, then redacted, with the same spans. */
const RECENT_SPANS = new Map<string, ReplySpan[]>();

/** Spans of protected facts and identity in a reply, sorted, overlapping ones merged. */
export function findSensitiveSpans(
  text: string,
  identifiers: ReplyIdentifierLists = NO_IDENTIFIERS,
): ReplySpan[] {
  const key = JSON.stringify([text, identifiers.names, identifiers.phones, identifiers.emails]);
  const known = RECENT_SPANS.get(key);
  if (known) return known.map((span) => ({ ...span }));
  const spans = computeSensitiveSpans(text, identifiers);
  if (RECENT_SPANS.size >= 64) RECENT_SPANS.clear();
  RECENT_SPANS.set(key, spans);
  return spans.map((span) => ({ ...span }));
}

function computeSensitiveSpans(text: string, identifiers: ReplyIdentifierLists): ReplySpan[] {
  const folded = foldWithOrigin(text);
  const spans: ReplySpan[] = [];
  for (const { criterion, pattern } of FACT_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of folded.text.matchAll(pattern)) {
      const trimmed = match[0].trim();
      if (!trimmed) continue;
      const offset = match.index + match[0].indexOf(trimmed);
      spans.push(toOriginal(folded, offset, trimmed.length, criterion));
    }
  }
  spans.push(...identitySpans(text, identifiers));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: ReplySpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** The criteria of the protected facts in a reply (no identity), deduplicated, in order. */
export function protectedFactsIn(spans: readonly ReplySpan[]): ProtectedCriterion[] {
  return [...new Set(spans.flatMap((span) => (span.kind === 'identity' ? [] : [span.kind])))];
}

/** Placeholder for what was removed. */
export const REDACTED = '[…]';

/**
 * The reply as the recruiter may see it: protected facts, names, phone numbers and e-mail addresses
 * replaced by `[…]`.
 */
export function redactReply(text: string, identifiers: ReplyIdentifierLists = NO_IDENTIFIERS): string {
  let out = '';
  let cursor = 0;
  for (const span of findSensitiveSpans(text, identifiers)) {
    out += `${text.slice(cursor, span.start)}${REDACTED}`;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}
