import {
  fromEveryLocale,
  type GuardCategory,
  type LanguageCode,
  languages,
  locales,
  vocabularySource,
} from '../../locale/index.js';
import { memoise } from '../../support/memoise.js';
import { foldAccents, restrictedEditDistance } from '../../text/index.js';

/** Topics a recruiter may never ask about; the words of each are in `src/locale/<language>/guard-words.ts`. */
export type { GuardCategory };

export interface GuardViolation {
  category: GuardCategory;
  /** The words that triggered the rule, in the guard's normalised (folded, lower-case) form. */
  match: string;
}

export interface GuardResult {
  allowed: boolean;
  violations: GuardViolation[];
}

const CATEGORIES = Object.keys(locales.fr.guard.categories) as GuardCategory[];

/**
 * One alternation per category, of every language's words: a single pass over the text for each. Compiled on
 * the first message checked.
 */
const compiled = memoise((): { category: GuardCategory; pattern: RegExp }[] =>
  CATEGORIES.map((category) => ({
    category,
    pattern: new RegExp(
      languages
        .map((language) => {
          const { slots, categories } = locales[language].guard;
          return categories[category].length > 0 ? vocabularySource(categories[category], { slots }) : null;
        })
        .filter((source) => source !== null)
        .join('|'),
      'g',
    ),
  })),
);

/**
 * Long keywords a misspelt token is snapped to before the rules run ("relgion" → "religion"). Only
 * tokens of 6+ letters sharing the keyword's first letter, at edit distance 1 (2 from 9 letters on).
 */
const FUZZY_BY_INITIAL = new Map<string, string[]>();
for (const keyword of fromEveryLocale((locale) => locale.guard.fuzzyKeywords)) {
  const initial = keyword[0]!;
  FUZZY_BY_INITIAL.set(initial, [...(FUZZY_BY_INITIAL.get(initial) ?? []), keyword]);
}
/** Real words close to a keyword that must not be snapped to it. */
const NOT_TYPOS = new Set(fromEveryLocale((locale) => locale.guard.notTypos));

/** Snapped tokens, remembered: messages repeat the same words (bounded, cleared when full). */
const snapped = new Map<string, string>();

function snapToKeyword(token: string): string {
  if (token.length < 6 || NOT_TYPOS.has(token)) return token;
  const known = snapped.get(token);
  if (known !== undefined) return known;
  if (snapped.size > 20_000) snapped.clear();
  const result = closestKeyword(token);
  snapped.set(token, result);
  return result;
}

function closestKeyword(token: string): string {
  const candidates = FUZZY_BY_INITIAL.get(token[0]!);
  if (!candidates || candidates.includes(token)) return token;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const keyword of candidates) {
    const allowed = Math.min(token.length, keyword.length) >= 9 ? 2 : 1;
    if (Math.abs(keyword.length - token.length) > allowed) continue;
    const found = restrictedEditDistance(token, keyword);
    if (found <= allowed && found < bestDistance) {
      best = keyword;
      bestDistance = found;
    }
  }
  return best ?? token;
}

/** Folded, lower-cased, punctuation as single spaces, doubled letters kept, typos snapped to keywords. */
export function normalizeForGuard(text: string): string {
  const tokens = foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((token) => token.length > 0);
  return tokens.map(snapToKeyword).join(' ');
}

/**
 * Checks one outgoing message for questions or statements about a protected topic. Run it on every
 * message, whoever wrote it (template, agency override or model), before it can be sent.
 * Accent- and typo-tolerant; the words of every language apply whatever the message's language.
 */
export function guardMessage(text: string, _options: { language?: LanguageCode } = {}): GuardResult {
  const normalized = normalizeForGuard(text);
  const violations: GuardViolation[] = [];
  const seen = new Set<string>();
  for (const { category, pattern } of compiled()) {
    pattern.lastIndex = 0;
    for (const found of normalized.matchAll(pattern)) {
      const key = `${category}:${found[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      violations.push({ category, match: found[0] });
    }
  }
  return { allowed: violations.length === 0, violations };
}
