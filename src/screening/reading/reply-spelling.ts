import { fromEveryLocale, type ReplyWords } from '../../locale/index.js';
import { memoise } from '../../support/memoise.js';

/**
 * Misspelt long answer words folded onto the answer lexicons ("disponnible", "malheuresement", "impossibe",
 * "carément" → "disponible", "malheureusement", "impossible", "carrement"). Only long words (`FOLD_FROM`
 * letters or more) are folded, only onto a word of the yes, no, doubt and hedge lexicons (not the whole
 * vocabulary: "maintenance" must not become "maintenant", nor "chargement" "carrement"), by one edit (two
 * from `TWO_EDITS_FROM` letters), only when one word is nearest, and never across a first letter
 * ("indisponible" and "disponible", "impossible" and "possible" differ by a prefix: a typo never turns one
 * into the other). Short words are left as written: at three or four letters one edit turns "pas" into
 * "par" and "oui" into "ou". Checked against 9,641 French occupation words of the ROME (none of which is an
 * SMS answer): the few folded become a plural's singular or a word of the same family, none a yes or a no.
 */

/** Shortest word folded. */
export const FOLD_FROM = 8;
/**
 * Shortest word folded onto: at eight letters real words sit one edit from answer words ("conforme" and
 * "confirme", "presence" and "presente").
 */
const TARGET_FROM = 9;
/** Length from which two edits are allowed. */
const TWO_EDITS_FROM = 13;

function allowedEdits(length: number): number {
  return length >= TWO_EDITS_FROM ? 2 : 1;
}

/** Every string of a vocabulary, nested lists and `{ pattern }` entries included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    if ('pattern' in value && typeof value.pattern === 'string') return [value.pattern];
    return Object.values(value).flatMap(strings);
  }
  return [];
}

/** The lexicons whose words a misspelling may be folded onto: what says yes, no, maybe. */
function answerLexicons(reply: ReplyWords): unknown[] {
  return [
    reply.positive,
    reply.positiveWithNegation,
    reply.negative,
    reply.unsure,
    reply.weak,
    reply.hedge,
    reply.agreement,
    reply.interjections,
  ];
}

/** The words of a list of vocabulary strings, at least `from` letters long. */
function wordsOf(texts: readonly string[], from: number): Set<string> {
  const words = new Set<string>();
  // Regular-expression escapes ("\\bne", "\\w+") are no letters of a word.
  for (const text of texts)
    for (const word of text.replace(/\\[a-zA-Z]/g, ' ').match(/[a-z]+/g) ?? [])
      if (word.length >= from) words.add(word);
  return words;
}

/** The long words of the answer lexicons of every language: what a misspelling is folded onto. */
const targets = memoise((): readonly string[] => [
  ...wordsOf(
    fromEveryLocale((locale) => strings(answerLexicons(locale.reply))),
    TARGET_FROM,
  ),
]);
/** Every word the reply vocabulary holds, of any length ("probleme" is not a misspelt "problemes"). */
const known = memoise(
  (): ReadonlySet<string> =>
    wordsOf(
      fromEveryLocale((locale) => {
        const { smsShorthand, smsPhrases, ...rest } = locale.reply;
        return [...strings(rest), ...Object.values(smsShorthand), ...smsPhrases.map(([, to]) => to)];
      }),
      1,
    ),
);

/** Optimal string alignment distance (edits, swaps of two neighbours included), stopped above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

const folded = new Map<string, string>();

/**
 * The vocabulary word a long misspelt word stands for, or the word itself: a word of the vocabulary, a
 * short word, a word with digits, or one with no single nearest vocabulary word is left as written.
 */
export function foldSpelling(word: string): string {
  if (word.length < FOLD_FROM || known().has(word) || !/^[a-z]+$/.test(word)) return word;
  const cached = folded.get(word);
  if (cached !== undefined) return cached;
  const limit = allowedEdits(word.length);
  let best = word;
  let bestDistance = limit + 1;
  let tie = false;
  for (const target of targets()) {
    if (target[0] !== word[0]) continue;
    // A final "s" is an inflection, not a typo: "prendrai" (future) is no "prendrais" (conditional).
    if (target === `${word}s` || word === `${target}s`) continue;
    const distance = editDistance(word, target, limit);
    if (distance < bestDistance) {
      best = target;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance && distance <= limit) tie = true;
  }
  const result = bestDistance <= limit && !tie ? best : word;
  folded.set(word, result);
  return result;
}
