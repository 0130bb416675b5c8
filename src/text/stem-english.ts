/*
 * English Porter stemmer, ported to TypeScript from natural 8.1.1 (lib/natural/stemmers/porter_stemmer.js),
 * keeping its exact behaviour, quirks included: stems feed the generated taxonomy tables, BM25 and the local
 * embeddings, and test/text/natural-golden.test.ts checks the port against natural's output word for word.
 *
 * @license MIT. Copyright (c) 2011, Chris Umbel
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
 * THE SOFTWARE.
 */

/** `[suffix, replacement used to measure what is left, replacement applied]`, as in natural. */
type Replacement = readonly [suffix: string, measured: string, replacement: string];

/** `String.prototype.substr(start, length)`, which the original relies on (negative starts included). */
function substr(text: string, start: number, length = text.length): string {
  const from = start < 0 ? Math.max(text.length + start, 0) : start;
  return text.slice(from, from + length);
}

/** Runs of consonants as C, runs of vowels as V (a `y` after a consonant counts as a vowel). */
function categorizeGroups(token: string): string {
  return token
    .replace(/[^aeiouy]+y/g, 'CV')
    .replace(/[aeiou]+/g, 'V')
    .replace(/[^V]+/g, 'C');
}

/** Each consonant as C, each vowel as V. */
function categorizeChars(token: string): string {
  return token
    .replace(/[^aeiouy]y/g, 'CV')
    .replace(/[aeiou]/g, 'V')
    .replace(/[^V]/g, 'C');
}

/** The measure M of a word: its number of VC sequences, a leading C and a trailing V dropped. -1 for none. */
function measure(token: string | null): number {
  if (!token) return -1;
  return categorizeGroups(token).replace(/^C/, '').replace(/V$/, '').length / 2;
}

function endsWithDoubleConsonant(token: string): boolean {
  return /([^aeiou])\1$/.test(token);
}

/** Replaces `pattern` at the end of `token`; null when it does not match. `then` post-processes a non-empty result. */
function attemptReplace(
  token: string,
  pattern: string | RegExp,
  replacement: string,
  then?: (result: string) => string | null,
): string | null {
  let result: string | null = null;
  if (typeof pattern === 'string') {
    if (token.endsWith(pattern)) result = token.slice(0, token.length - pattern.length) + replacement;
  } else if (pattern.test(token)) {
    result = token.replace(pattern, replacement);
  }
  return result && then ? then(result) : result;
}

/** Applies every replacement whose stem (measured with the middle column) has a measure above the threshold. */
function attemptReplacePatterns(
  token: string,
  replacements: readonly Replacement[],
  measureThreshold?: number,
): string {
  let replaced = token;
  for (const [suffix, measured, replacement] of replacements) {
    if (
      measureThreshold === undefined ||
      measure(attemptReplace(token, suffix, measured)) > measureThreshold
    ) {
      replaced = attemptReplace(replaced, suffix, replacement) || replaced;
    }
  }
  return replaced;
}

function replacePatterns(
  token: string,
  replacements: readonly Replacement[],
  measureThreshold: number,
): string {
  return attemptReplacePatterns(token, replacements, measureThreshold) || token;
}

function replaceRegex(
  token: string,
  regex: RegExp,
  includeParts: number[],
  minimumMeasure: number,
): string | null {
  let result = '';
  const parts = regex.exec(token);
  if (parts) for (const index of includeParts) result += parts[index];
  return measure(result) > minimumMeasure ? result : null;
}

function step1a(token: string): string {
  if (/(ss|i)es$/.test(token)) return token.replace(/(ss|i)es$/, '$1');
  if (token.slice(-1) === 's' && substr(token, -2, 1) !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

function step1b(token: string): string {
  if (token.slice(-3) === 'eed') {
    if (measure(token.slice(0, -3)) > 0) return `${token.slice(0, -3)}ee`;
    return token;
  }
  const result = attemptReplace(token, /(ed|ing)$/, '', (stemmed) => {
    if (!categorizeGroups(stemmed).includes('V')) return null;
    const replaced = attemptReplacePatterns(stemmed, [
      ['at', '', 'ate'],
      ['bl', '', 'ble'],
      ['iz', '', 'ize'],
    ]);
    if (replaced !== stemmed) return replaced;
    if (endsWithDoubleConsonant(stemmed) && /[^lsz]$/.test(stemmed)) {
      return stemmed.replace(/([^aeiou])\1$/, '$1');
    }
    if (measure(stemmed) === 1 && categorizeChars(stemmed).slice(-3) === 'CVC' && /[^wxy]$/.test(stemmed)) {
      return `${stemmed}e`;
    }
    return stemmed;
  });
  return result || token;
}

function step1c(token: string): string {
  const groups = categorizeGroups(token);
  if (token.slice(-1) === 'y' && groups.slice(0, groups.length - 1).includes('V'))
    return token.replace(/y$/, 'i');
  return token;
}

const STEP2: readonly Replacement[] = [
  ['ational', '', 'ate'],
  ['tional', '', 'tion'],
  ['enci', '', 'ence'],
  ['anci', '', 'ance'],
  ['izer', '', 'ize'],
  ['abli', '', 'able'],
  ['bli', '', 'ble'],
  ['alli', '', 'al'],
  ['entli', '', 'ent'],
  ['eli', '', 'e'],
  ['ousli', '', 'ous'],
  ['ization', '', 'ize'],
  ['ation', '', 'ate'],
  ['ator', '', 'ate'],
  ['alism', '', 'al'],
  ['iveness', '', 'ive'],
  ['fulness', '', 'ful'],
  ['ousness', '', 'ous'],
  ['aliti', '', 'al'],
  ['iviti', '', 'ive'],
  ['biliti', '', 'ble'],
  ['logi', '', 'log'],
];

const STEP3: readonly Replacement[] = [
  ['icate', '', 'ic'],
  ['ative', '', ''],
  ['alize', '', 'al'],
  ['iciti', '', 'ic'],
  ['ical', '', 'ic'],
  ['ful', '', ''],
  ['ness', '', ''],
];

function step4(token: string): string {
  return (
    replaceRegex(
      token,
      /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/,
      [1],
      1,
    ) ||
    replaceRegex(token, /^(.+?)(s|t)(ion)$/, [1, 2], 1) ||
    token
  );
}

function step5a(token: string): string {
  const m = measure(token.replace(/e$/, ''));
  if (m > 1 || (m === 1 && !(substr(categorizeChars(token), -4, 3) === 'CVC' && /[^wxy].$/.test(token)))) {
    return token.replace(/e$/, '');
  }
  return token;
}

function step5b(token: string): string {
  return measure(token) > 1 ? token.replace(/ll$/, 'l') : token;
}

/** Porter stem of one English word, lower-cased (`licensed` → `licens`). Words under 3 letters are kept. */
export function stemEnglish(word: string): string {
  if (word.length < 3) return word;
  const step1 = step1c(step1b(step1a(word.toLowerCase())));
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1, STEP2, 0), STEP3, 0))));
}
