/**
 * How a predicted field value is matched with a gold one in `npm run eval:parse` on real resumes.
 *
 * Every value is first normalised: accents and case folded, `&` read as "and", every character other than
 * a letter, a digit, `+` or `#` turned into a space, spaces collapsed. Then, per kind of field:
 *
 * - `exact`  (email, dates): the normalised values are equal.
 * - `name`   (person names): the same set of words, or the words of one are all among the words of the
 *            other and the shorter has at least two words ("Jane Doe" ~ "Jane A. Doe", "DOE Jane" ~ "Jane Doe").
 * - `city`   (places): the part before the first comma is compared ("Bengaluru, Karnataka" ~ "Bengaluru"),
 *            equal, or one is the other plus whole words ("Bangalore Urban" ~ "Bangalore").
 * - `span`   (titles, companies, degrees): equal, or the words of the shorter appear in order, contiguous,
 *            inside the longer and cover at least half of its words ("Software Engineer" ~ "Senior Software
 *            Engineer"; "Engineer" does not match "Senior Software Engineer").
 * - `degree`: like `span`, and also when the shorter is the start of the longer, whatever its share of it:
 *            the degree named with or without its subject ("B.Tech" ~ "B.Tech in Electrical Engineering",
 *            "B.S., Elementary Education" ~ "B.S."), as annotators wrote it one way or the other.
 * - `skill`: like `span`, after removing a parenthesised duration ("Java (3 years)"); a value written with
 *            an alias in parentheses matches either form ("Amazon Web Services (AWS)" ~ "AWS").
 *
 * Gold and predicted values are de-duplicated per document (after normalisation), then paired one to one,
 * best pairs first (exact before partial), so a prediction can only be credited once.
 *
 * One exception for `span` fields: a prediction that joins several values with slashes ("Project
 * Management/Technical Lead", one job with two titles) is what the resume wrote, while the dataset labels
 * each piece apart. A gold value left unpaired that equals one of its slash pieces is found too: it counts
 * for recall (`found`), and the prediction counts once for precision (`correct`).
 */

export type MatchRule = 'exact' | 'name' | 'city' | 'span' | 'degree' | 'skill';

/** Folded, punctuation-free form of a value (see the module comment). */
export function normalizeValue(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (text: string) => (text.length === 0 ? [] : text.split(' '));

/** Where the words of `needle` appear contiguously in `haystack`, or -1. */
function indexOfWords(haystack: string[], needle: string[]): number {
  if (needle.length === 0 || needle.length > haystack.length) return -1;
  for (let index = 0; index + needle.length <= haystack.length; index++) {
    if (needle.every((word, offset) => haystack[index + offset] === word)) return index;
  }
  return -1;
}

/** Partial-overlap score of two normalised values: 1 equal, 0.5–0.99 contained, 0 no match. */
function spanScore(first: string, second: string): number {
  if (first.length === 0 || second.length === 0) return 0;
  if (first === second) return 1;
  const [shorter, longer] =
    words(first).length <= words(second).length
      ? [words(first), words(second)]
      : [words(second), words(first)];
  const coverage = shorter.length / longer.length;
  if (coverage < 0.5 || indexOfWords(longer, shorter) < 0) return 0;
  return 0.5 + coverage * 0.49;
}

/** `spanScore`, or 0.5 when the words of the shorter are the first words of the longer. */
function degreeScore(first: string, second: string): number {
  const score = spanScore(first, second);
  if (score > 0 || first.length === 0 || second.length === 0) return score;
  const [shorter, longer] =
    words(first).length <= words(second).length
      ? [words(first), words(second)]
      : [words(second), words(first)];
  return indexOfWords(longer.slice(0, shorter.length), shorter) === 0 ? 0.5 : 0;
}

function nameScore(first: string, second: string): number {
  if (first === second) return 1;
  const a = new Set(words(first));
  const b = new Set(words(second));
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < 2 || ![...small].every((word) => large.has(word))) return 0;
  return small.size === large.size ? 0.99 : 0.5 + (small.size / large.size) * 0.49;
}

function cityScore(first: string, second: string): number {
  const city = (text: string) => normalizeValue(text.split(',')[0] ?? '');
  const a = city(first);
  const b = city(second);
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const [shorter, longer] = words(a).length <= words(b).length ? [words(a), words(b)] : [words(b), words(a)];
  return indexOfWords(longer, shorter) === 0 ? 0.75 : 0;
}

/** The forms a skill can be matched by: without a duration, and each side of a parenthesised alias. */
export function skillForms(text: string): string[] {
  const withoutDuration = text.replace(
    /\(\s*(?:less than\s+)?\d*\.?\d*\+?\s*(?:years?|yrs?|months?)\s*\)|\(\s*less than 1 year\s*\)/giu,
    ' ',
  );
  const forms = [withoutDuration];
  const alias = /^(.*?)\s*\(([^()]+)\)\s*$/u.exec(withoutDuration.trim());
  if (alias) forms.push(alias[1]!, alias[2]!);
  return [...new Set(forms.map(normalizeValue).filter((form) => form.length > 0))];
}

/** How well a predicted value matches a gold value under `rule` (0 = no match, 1 = exact). */
export function matchScore(rule: MatchRule, gold: string, predicted: string): number {
  switch (rule) {
    case 'exact':
      return normalizeValue(gold) === normalizeValue(predicted) && normalizeValue(gold).length > 0 ? 1 : 0;
    case 'name':
      return nameScore(normalizeValue(gold), normalizeValue(predicted));
    case 'city':
      return cityScore(gold, predicted);
    case 'span':
      return spanScore(normalizeValue(gold), normalizeValue(predicted));
    case 'degree':
      return degreeScore(normalizeValue(gold), normalizeValue(predicted));
    case 'skill': {
      let best = 0;
      for (const goldForm of skillForms(gold))
        for (const predictedForm of skillForms(predicted))
          best = Math.max(best, spanScore(goldForm, predictedForm));
      return best;
    }
  }
}

/** Values with the same normalised form kept once (first spelling kept). */
export function distinctValues(values: string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const value of values) {
    const key = normalizeValue(value);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    kept.push(value);
  }
  return kept;
}

/** One gold/predicted pairing of a document's field. */
export interface FieldMatch {
  gold: number;
  predicted: number;
  /** Predictions credited (precision). */
  correct: number;
  /** Gold values found (recall): `correct` plus the slash pieces of `span` fields. */
  found: number;
  /** Gold values no prediction matched, and predictions that matched no gold value. */
  missed: string[];
  spurious: string[];
  /** For each predicted item, in input order, whether it was credited (duplicates: as their first copy). */
  credited: boolean[];
}

/**
 * Pairs gold and predicted values one to one, best scores first. A predicted value can carry
 * alternative spellings (a skill's text and its taxonomy label): the best-scoring one counts.
 */
export function matchField(rule: MatchRule, gold: string[], predicted: (string | string[])[]): FieldMatch {
  const goldValues = distinctValues(gold);
  const seen = new Map<string, number>();
  const predictedValues: string[][] = [];
  // Index of each input item's distinct value (-1 for an empty one).
  const itemValue: number[] = [];
  for (const item of predicted) {
    const forms = (Array.isArray(item) ? item : [item]).filter((form) => normalizeValue(form).length > 0);
    const key = normalizeValue(forms[0] ?? '');
    if (key.length === 0) {
      itemValue.push(-1);
      continue;
    }
    if (!seen.has(key)) {
      seen.set(key, predictedValues.length);
      predictedValues.push(forms);
    }
    itemValue.push(seen.get(key)!);
  }
  const pairs: { goldIndex: number; predictedIndex: number; score: number }[] = [];
  for (const [goldIndex, goldValue] of goldValues.entries()) {
    for (const [predictedIndex, forms] of predictedValues.entries()) {
      const score = Math.max(...forms.map((form) => matchScore(rule, goldValue, form)));
      if (score > 0) pairs.push({ goldIndex, predictedIndex, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.goldIndex - b.goldIndex || a.predictedIndex - b.predictedIndex);
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  for (const pair of pairs) {
    if (goldUsed.has(pair.goldIndex) || predictedUsed.has(pair.predictedIndex)) continue;
    goldUsed.add(pair.goldIndex);
    predictedUsed.add(pair.predictedIndex);
  }
  if (rule === 'span') {
    const pieces = predictedValues.map((forms) =>
      forms.flatMap((form) => {
        const split = form.split('/').map(normalizeValue);
        return split.length >= 2 ? split.filter((piece) => piece.length > 0) : [];
      }),
    );
    for (const [goldIndex, goldValue] of goldValues.entries()) {
      if (goldUsed.has(goldIndex)) continue;
      const key = normalizeValue(goldValue);
      const holder = pieces.findIndex((list) => list.includes(key));
      if (holder < 0) continue;
      goldUsed.add(goldIndex);
      predictedUsed.add(holder);
    }
  }
  return {
    gold: goldValues.length,
    predicted: predictedValues.length,
    correct: predictedUsed.size,
    found: goldUsed.size,
    missed: goldValues.filter((_, index) => !goldUsed.has(index)),
    spurious: predictedValues.filter((_, index) => !predictedUsed.has(index)).map((forms) => forms[0]!),
    credited: itemValue.map((index) => index >= 0 && predictedUsed.has(index)),
  };
}
