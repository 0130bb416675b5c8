import { foldAccents, isStopword, stem } from '../text/index.js';
import { CURATED_SKILLS } from './catalogue/skills.js';
import { type MentionToken, mentionTokens, PhraseMatcher, type TaxonomyMention } from './mention-tokens.js';
import { escoEnglishSkillRows, escoSkillRows, romeSkillRows, skillIndexRows, stemRows } from './tables.js';

/** A skill: `skill:<slug>` (curated), `esco:<uuid>` (ESCO) or `rome:<code_ogr>` (ROME v347). */
export interface SkillInfo {
  id: string;
  label: string;
}

/** ESCO and ROME phrases longer than this many content words are not searched in free text. */
const MAX_PHRASE_TERMS = 4;

interface SkillTables {
  /** Stemmed key (content words joined by spaces) → its skill (index in `skill`); first registered wins. */
  byKey: Map<string, number>;
  /** The skill of an index (one object per skill, made on first use). */
  skill: (index: number) => SkillInfo;
  matcher: PhraseMatcher<SkillInfo>;
}

/**
 * The skill tables in the form `npm run build:taxonomy` writes them (`skill-index.json`): the stemmed keys in
 * registration order, each with the index of its skill, and the keys free-text search looks for, in the order
 * they were added to the phrase matcher. Loading it is one JSON.parse and two loops, instead of stemming
 * every ESCO and ROME label at start-up; `test/taxonomy/prebuilt-indexes.test.ts` checks it equals
 * `buildSkillIndex()` run on the shipped tables.
 */
export interface SkillIndexTable {
  version: 1;
  /** Skill ids, in order of first use (an ESCO concept's French and English labels share one). */
  ids: string[];
  /** `[id, label]` with the id as its position in `ids`, in order of first use. */
  skills: [number, string][];
  keys: string[];
  /**
   * Per key, its skill (index in `skills`) minus the previous key's: mostly 0 or 1, so the file compresses to a
   * few KB.
   */
  skillSteps: number[];
  /**
   * The first `curatedKeys` keys come from the curated catalogue and are all searched in free text; the others
   * are when they have 2 to `MAX_PHRASE_TERMS` words. The phrase matcher adds them in key order.
   */
  curatedKeys: number;
}

/** Whether free-text search looks for key number `position` of `keys`. */
function isSearchedKey(index: Pick<SkillIndexTable, 'keys' | 'curatedKeys'>, position: number): boolean {
  if (position < index.curatedKeys) return true;
  const key = index.keys[position]!;
  let terms = 1;
  for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) terms++;
  return terms >= 2 && terms <= MAX_PHRASE_TERMS;
}

let tables: SkillTables | undefined;

/** A bounded memo of stems (the shipped tables hold `stem(word)` for their words, so it only saves time). */
const stemMemo = new Map<string, string>();
function cachedStem(word: string): string {
  let stemmed = stemMemo.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (stemMemo.size >= 300_000) stemMemo.clear();
    stemMemo.set(word, stemmed);
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
function phraseStems(phrase: string, stemWord: (word: string) => string = cachedStem): string[] {
  const out: string[] = [];
  for (const word of foldAccents(phrase)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (!isStopword(word)) out.push(stemWord(word));
  }
  return out;
}

/**
 * Builds the skill index from the tables (what `npm run build:taxonomy` ships as `skill-index.json`): curated
 * skills first (any length, single words included), then ESCO preferred and alternative labels (French, then
 * English for the same concepts), then ROME v347 items. Free-text search uses curated phrases and ESCO/ROME
 * phrases of 2–4 content words (single generic words like "communication" would flood CVs with weak matches).
 */
export function buildSkillIndex(): SkillIndexTable {
  const known = new Map<string, string>([...stemRows(), ...escoEnglishSkillRows().stems]);
  const stemWord = (word: string) => known.get(word) ?? stem(word);
  const skills: [string, string][] = [];
  const skillIds = new Map<string, number>();
  const keyIds = new Map<string, number>();
  const skillOf: number[] = [];
  const searchable: number[] = [];
  const searched = new Set<number>();
  const register = (phrase: string, id: string, label: string, isSearchable: (terms: number) => boolean) => {
    const keys = phraseStems(phrase, stemWord);
    if (keys.length === 0) return;
    const key = keys.join(' ');
    let keyId = keyIds.get(key);
    if (keyId === undefined) {
      const skillKey = `${id}\u0000${label}`;
      let skill = skillIds.get(skillKey);
      if (skill === undefined) {
        skill = skills.length;
        skills.push([id, label]);
        skillIds.set(skillKey, skill);
      }
      keyId = skillOf.length;
      keyIds.set(key, keyId);
      skillOf.push(skill);
    }
    if (isSearchable(keys.length) && !searched.has(keyId)) {
      searched.add(keyId);
      searchable.push(keyId);
    }
  };
  for (const entry of CURATED_SKILLS) {
    for (const alias of entry.aliases) register(alias, entry.id, entry.label, () => true);
  }
  const curatedKeys = keyIds.size;
  const isSearchable = (terms: number) => terms >= 2 && terms <= MAX_PHRASE_TERMS;
  for (const [uuid, label] of escoSkillRows()) register(label, `esco:${uuid}`, label, isSearchable);
  for (const [uuid, label, alternatives] of escoSkillRows()) {
    for (const alternative of alternatives ?? []) register(alternative, `esco:${uuid}`, label, isSearchable);
  }
  // English labels of the same ESCO concepts: same id, the English preferred label.
  for (const [uuid, label, alternatives] of escoEnglishSkillRows().skills) {
    for (const phrase of [label, ...(alternatives ?? [])])
      register(phrase, `esco:${uuid}`, label, isSearchable);
  }
  for (const [id, label] of Object.entries(romeSkillRows().items)) {
    register(label, `rome:${id}`, label, isSearchable);
  }
  const ids = [...new Set(skills.map(([id]) => id))];
  const idPositions = new Map(ids.map((id, position) => [id, position]));
  const table: SkillIndexTable = {
    version: 1,
    ids,
    skills: skills.map(([id, label]) => [idPositions.get(id)!, label]),
    keys: [...keyIds.keys()],
    skillSteps: skillOf.map((skill, position) => skill - (skillOf[position - 1] ?? 0)),
    curatedKeys,
  };
  // The table does not store the searched keys: they must be what registration gave, in the same order.
  const derived = table.keys.flatMap((_, position) => (isSearchedKey(table, position) ? [position] : []));
  if (derived.join() !== searchable.join())
    throw new Error('skill index: the searched phrases are not the keys isSearchedKey selects');
  return table;
}

/**
 * The lookup map and phrase matcher of an index table. Skill objects are made on first use and phrases are
 * split when a text first holds their first word: a CV reaches a few hundred of the 27,000 keys.
 */
export function skillTablesOf(index: SkillIndexTable): SkillTables {
  const made: SkillInfo[] = [];
  const skill = (position: number): SkillInfo => {
    let info = made[position];
    if (info === undefined) {
      const [id, label] = index.skills[position]!;
      info = { id: index.ids[id]!, label };
      made[position] = info;
    }
    return info;
  };
  const byKey = new Map<string, number>();
  const searched: string[] = [];
  const searchedSkills: number[] = [];
  let current = 0;
  for (let position = 0; position < index.keys.length; position++) {
    current += index.skillSteps[position]!;
    const key = index.keys[position]!;
    byKey.set(key, current);
    if (isSearchedKey(index, position)) {
      searched.push(key);
      searchedSkills.push(current);
    }
  }
  const matcher = new PhraseMatcher<SkillInfo>();
  matcher.addJoinedKeys(searched, (position) => skill(searchedSkills[position]!));
  return { byKey, skill, matcher };
}

/** Loads the skill tables now rather than on the first lookup (see `loadProfileTables`). */
export function loadSkillTables(): void {
  skillTables();
}

/** Loaded from the prebuilt index on first use. */
function skillTables(): SkillTables {
  tables ??= skillTablesOf(skillIndexRows());
  return tables;
}

/**
 * The skill a short text names exactly (accents, case, plural and stopwords aside), or null:
 * "Conduite de chariots élévateurs" → skill:conduite-chariot-elevateur, "soudage TIG" → skill:soudure-tig.
 */
export function normalizeSkill(text: string): SkillInfo | null {
  const key = phraseStems(text).join(' ');
  const tables = key ? skillTables() : undefined;
  const found = tables?.byKey.get(key);
  return tables && found !== undefined ? { ...tables.skill(found) } : null;
}

/** Known skill phrases in free text, left to right, longest first, without overlaps; offsets in `text`. */
export function findSkills(text: string): TaxonomyMention<SkillInfo>[] {
  const tokens = contentStems(mentionTokens(text));
  return skillTables()
    .matcher.findAll(text, tokens)
    .map((mention) => ({ ...mention, value: { ...mention.value } }));
}
