import { foldAccents, isStopword, stem } from '../text/index.js';
import { CURATED_SKILLS } from './catalogue/skills.js';
import { type MentionToken, mentionTokens, PhraseMatcher, type TaxonomyMention } from './mention-tokens.js';
import { escoEnglishSkillRows, escoSkillRows, romeSkillRows, stemRows } from './tables.js';

/** A skill: `skill:<slug>` (curated), `esco:<uuid>` (ESCO) or `rome:<code_ogr>` (ROME v347). */
export interface SkillInfo {
  id: string;
  label: string;
}

/** ESCO and ROME phrases longer than this many content words are not searched in free text. */
const MAX_PHRASE_TERMS = 4;

interface SkillTables {
  /** Stemmed key (content words joined by spaces) → skill; first registered wins. */
  byKey: Map<string, SkillInfo>;
  matcher: PhraseMatcher<SkillInfo>;
}

let tables: SkillTables | undefined;

/** Precomputed stems of the label words (see build-taxonomy), plus a bounded memo for other words. */
let stemMemo: Map<string, string> | undefined;
function cachedStem(word: string): string {
  stemMemo ??= new Map<string, string>([...stemRows(), ...escoEnglishSkillRows().stems]);
  let stemmed = stemMemo.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (stemMemo.size < 300_000) stemMemo.set(word, stemmed);
  }
  return stemmed;
}

/** Stemmed content words of tokenised text: stopwords dropped, shared French stemmer. */
function contentStems(tokens: readonly MentionToken[]): MentionToken[] {
  return tokens
    .filter((token) => !isStopword(token.key))
    .map((token) => ({ ...token, key: cachedStem(token.key) }));
}

/** Same keys as `contentStems(mentionTokens(phrase))`, without offsets (fast path for the tables). */
function phraseStems(phrase: string): string[] {
  const out: string[] = [];
  for (const word of foldAccents(phrase)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!isStopword(word)) out.push(cachedStem(word));
  }
  return out;
}

/**
 * Built on first use: curated skills first (any length, single words included), then ESCO preferred and
 * alternative labels (French, then English for the same concepts), then ROME v347 items. Free-text search uses curated phrases and ESCO/ROME phrases of
 * 2–4 content words (single generic words like "communication" would flood CVs with weak matches).
 */
function skillTables(): SkillTables {
  if (tables) return tables;
  const byKey = new Map<string, SkillInfo>();
  const matcher = new PhraseMatcher<SkillInfo>();
  const register = (phrase: string, skill: SkillInfo, searchable: (terms: number) => boolean) => {
    const keys = phraseStems(phrase);
    if (keys.length === 0) return;
    const key = keys.join(' ');
    if (!byKey.has(key)) byKey.set(key, skill);
    if (searchable(keys.length)) matcher.addKeys(keys, byKey.get(key)!);
  };
  for (const entry of CURATED_SKILLS) {
    const skill = { id: entry.id, label: entry.label };
    for (const alias of entry.aliases) register(alias, skill, () => true);
  }
  const searchable = (terms: number) => terms >= 2 && terms <= MAX_PHRASE_TERMS;
  for (const [uuid, label] of escoSkillRows()) register(label, { id: `esco:${uuid}`, label }, searchable);
  for (const [uuid, label, alternatives] of escoSkillRows()) {
    for (const alternative of alternatives ?? [])
      register(alternative, { id: `esco:${uuid}`, label }, searchable);
  }
  // English labels of the same ESCO concepts: same id, the English preferred label.
  for (const [uuid, label, alternatives] of escoEnglishSkillRows().skills) {
    for (const phrase of [label, ...(alternatives ?? [])])
      register(phrase, { id: `esco:${uuid}`, label }, searchable);
  }
  for (const [id, label] of Object.entries(romeSkillRows().items)) {
    register(label, { id: `rome:${id}`, label }, searchable);
  }
  tables = { byKey, matcher };
  return tables;
}

/**
 * The skill a short text names exactly (accents, case, plural and stopwords aside), or null:
 * "Conduite de chariots élévateurs" → skill:conduite-chariot-elevateur, "soudage TIG" → skill:soudure-tig.
 */
export function normalizeSkill(text: string): SkillInfo | null {
  const key = phraseStems(text).join(' ');
  const found = key ? skillTables().byKey.get(key) : undefined;
  return found ? { ...found } : null;
}

/** Known skill phrases in free text, left to right, longest first, without overlaps; offsets in `text`. */
export function findSkills(text: string): TaxonomyMention<SkillInfo>[] {
  const tokens = contentStems(mentionTokens(text));
  return skillTables()
    .matcher.findAll(text, tokens)
    .map((mention) => ({ ...mention, value: { ...mention.value } }));
}
