import { LICENCES } from './catalogue/licences.js';
import {
  dropOverlaps,
  type MentionToken,
  mentionTokens,
  PhraseMatcher,
  phraseKeys,
  type TaxonomyMention,
} from './mention-tokens.js';

/** A driving licence category: `code` is `B`, `C`, `CE`…, `label` says what it allows. */
export interface LicenceInfo {
  code: string;
  label: string;
}

const BY_CODE = new Map(LICENCES.map((entry) => [entry.code, entry]));
const info = (code: string): LicenceInfo => ({ code, label: BY_CODE.get(code)!.label });

/** Category written as letters: `b`, `ce`, `c1e`; old forms `eb`/`ec`/`ed` are in the everyday names. */
const CATEGORY = /^(am|a1|a2|a|b|be|c1|c1e|c|ce|d1|d1e|d|de)$/;
const ANCHORS = new Set(['permis', 'pemis', 'permi', 'licence', 'license', 'licences', 'licenses']);
const FILLERS = new Set([
  'de',
  'conduire',
  'cat',
  'categorie',
  'categories',
  'et',
  'ou',
  'category',
  'class',
  'valide',
  'and',
  'or',
  'full',
  'driving',
  'uk',
  'clean',
  'du',
  'le',
  'les',
  'des',
  'obtenu',
  'europeen',
  'francais',
  'permis',
  'licence',
  'license',
]);

let namesMatcher: PhraseMatcher<string> | undefined;
/** Everyday names ("poids lourd", "SPL", "transport en commun") → code, matched after an anchor. */
function names(): PhraseMatcher<string> {
  if (namesMatcher) return namesMatcher;
  const matcher = new PhraseMatcher<string>();
  for (const entry of LICENCES) for (const name of entry.names) matcher.add(name, entry.code);
  namesMatcher = matcher;
  return matcher;
}

let englishMatcher: PhraseMatcher<string> | undefined;
/** English phrases that name a category without "licence" next to a letter. */
function english(): PhraseMatcher<string> {
  if (englishMatcher) return englishMatcher;
  const matcher = new PhraseMatcher<string>();
  for (const [phrase, code] of [
    ['hgv class 1', 'CE'],
    ['class 1 hgv', 'CE'],
    ['lgv class 1', 'CE'],
    ['hgv class 2', 'C'],
    ['class 2 hgv', 'C'],
    ['lgv class 2', 'C'],
    ['full uk driving licence', 'B'],
    ['full driving licence', 'B'],
    ['full clean driving licence', 'B'],
    ['pcv licence', 'D'],
  ] as const) {
    matcher.add(phrase, code);
  }
  englishMatcher = matcher;
  return matcher;
}

/** `C` then `+E` ("C+E", "C + E", "B+E") → the E variant. Returns the code and how many tokens it used. */
function categoryAt(
  tokens: readonly MentionToken[],
  position: number,
): { code: string; length: number } | null {
  const token = tokens[position]!;
  if (token.raw === 'à' || !CATEGORY.test(token.key)) return null;
  // French words that look like categories: "permis de conduire", "le permis a été…": only in capitals.
  if ((token.key === 'de' || token.key === 'a') && token.raw !== token.raw.toUpperCase()) return null;
  // "PERMIS DE CONDUIRE" in capitals: the word "de", not the DE category.
  if (token.key === 'de' && tokens[position + 1]?.key === 'conduire') return null;
  const next = tokens[position + 1];
  if (next && next.key === 'e' && next.line === token.line && next.gap.trim() === '+') {
    const combined = `${token.key}e`.toUpperCase();
    if (BY_CODE.has(combined)) return { code: combined, length: 2 };
  }
  return { code: token.key.toUpperCase(), length: 1 };
}

function isNotYetHeld(tokens: readonly MentionToken[], position: number): boolean {
  const next = tokens[position];
  const after = tokens[position + 1];
  return (
    (next?.key === 'en' && (after?.key === 'cours' || after?.key === 'formation')) ||
    next?.key === 'in' ||
    next?.key === 'provisoire'
  );
}

/**
 * Driving licences mentioned in free text, in order, with offsets. A letter counts only after "permis",
 * "licence" or "Permis :" on a heading line just above ("Permis B, C et CE" → B, C, CE; "B" alone does not);
 * everyday names ("permis poids lourd" → C, "permis SPL" → CE), "C+E", and English forms ("HGV Class 1" → CE)
 * are understood. A category followed by "en cours" (not held yet) is skipped.
 */
export function findLicences(text: string): TaxonomyMention<LicenceInfo>[] {
  const tokens = mentionTokens(text);
  const mentions: TaxonomyMention<LicenceInfo>[] = [];
  for (const mention of english().findAll(text, tokens))
    mentions.push({ ...mention, value: info(mention.value) });
  let position = 0;
  while (position < tokens.length) {
    const anchor = tokens[position]!;
    if (!ANCHORS.has(anchor.key)) {
      position++;
      continue;
    }
    let line = anchor.line;
    let first = true;
    let cursor = position + 1;
    while (cursor < tokens.length) {
      const token = tokens[cursor]!;
      if (token.line !== line) {
        if (first && token.line === line + 1) line = token.line;
        else break;
      }
      const named = names().matchAt(tokens, cursor);
      const category = named ? null : categoryAt(tokens, cursor);
      const found = named ? { code: named.value, length: named.length } : category;
      if (found) {
        const last = tokens[cursor + found.length - 1]!;
        cursor += found.length;
        if (isNotYetHeld(tokens, cursor)) break;
        const start = first ? anchor.start : token.start;
        mentions.push({ value: info(found.code), text: text.slice(start, last.end), start, end: last.end });
        first = false;
        continue;
      }
      if (!FILLERS.has(token.key)) break;
      cursor++;
    }
    position = Math.max(cursor, position + 1);
  }
  return dropOverlaps(mentions);
}

/**
 * The licence a short text names, or null: a code ("CE", "C+E", "EC"), a phrase ("permis poids lourd" → C,
 * "HGV class 1" → CE) or an everyday name on its own ("super lourd" → CE, "PL" → C).
 */
export function normalizeLicence(text: string): LicenceInfo | null {
  const key = phraseKeys(text.replace(/\+/g, ' plus ')).join(' ');
  const compact = key.replace(/ plus /g, '').replace(/\s+/g, '');
  if (BY_CODE.has(compact.toUpperCase())) return info(compact.toUpperCase());
  const found = findLicences(text)[0] ?? findLicences(`permis ${text}`)[0];
  return found ? found.value : null;
}

/** Every category `code` lets one drive, itself included (see the rules in catalogue/licences.ts). */
export function impliedLicences(code: string): string[] {
  const entry = BY_CODE.get(code);
  return entry ? [entry.code, ...entry.implies] : [];
}

/**
 * Whether held licences cover a required one: the same category, or one that implies it (CE covers C and B;
 * C does not cover CE or D). Inputs may be codes or text ("permis C", "poids lourd").
 */
export function licenceSatisfies(held: string[], required: string): boolean {
  const wanted = normalizeLicence(required)?.code;
  if (!wanted) return false;
  return held.some((licence) => {
    const code = normalizeLicence(licence)?.code;
    return code !== undefined && impliedLicences(code).includes(wanted);
  });
}
