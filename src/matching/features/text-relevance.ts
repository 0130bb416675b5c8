import type { CandidateProfile, JobOrder } from '../../domain/index.js';
import { matchingTerms, type TextLanguage } from '../../text/index.js';
import { identityFreeText, identityWords } from './identity-free-text.js';

/**
 * Weight of each field of a profile in the text relevance (BM25F): what the person calls their jobs
 * counts most, then the skills they list, then what they say about their experiences and degrees, then
 * anything else in the CV.
 */
export const TEXT_FIELD_WEIGHTS = { titles: 3, skills: 2, experience: 1, full: 1 } as const;
export type TextField = keyof typeof TEXT_FIELD_WEIGHTS;
const FIELDS = Object.keys(TEXT_FIELD_WEIGHTS) as TextField[];
/** Term-frequency saturation and length normalisation, the usual BM25 values. */
const K1 = 1.2;
const B = 0.75;
/** Weight of each part of the order in the query. */
const QUERY_WEIGHTS = { title: 2, requiredSkills: 1, preferredSkills: 0.5, description: 0.5 } as const;

interface FieldBag {
  counts: Map<string, number>;
  length: number;
}

/** A profile's matching terms, per field, in one comparison language. */
export interface ProfileTerms {
  fields: Record<TextField, FieldBag>;
  /** Headline and experience titles, each with its terms. */
  titles: { text: string; terms: Set<string> }[];
  /** Every term of every field. */
  all: Set<string>;
}

const profileCache = new WeakMap<CandidateProfile, Map<TextLanguage, ProfileTerms>>();

const languageOf = (profile: CandidateProfile): TextLanguage =>
  profile.source.language === 'en' ? 'en' : 'fr';

function bag(terms: string[]): FieldBag {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: terms.length };
}

/**
 * The terms of a profile compared with orders in `language`. The `full` field is the CV text without
 * what says who the person is (`identityFreeText`), so a name, an age or an address never moves the
 * score; gender agreements are folded in every field. Cached per profile object.
 */
export function profileTerms(profile: CandidateProfile, language: TextLanguage): ProfileTerms {
  const byLanguage = profileCache.get(profile) ?? new Map<TextLanguage, ProfileTerms>();
  const cached = byLanguage.get(language);
  if (cached) return cached;
  const own = languageOf(profile);
  const exclude = identityWords(profile);
  const termsOf = (text: string) =>
    matchingTerms(text, { genderLanguage: own, stemLanguage: language, exclude });
  const titleTexts = [profile.headline ?? '', ...profile.experiences.map((experience) => experience.title)]
    .map((text) => text.trim())
    .filter((text) => text.length > 0);
  const titles = titleTexts.map((text) => ({ text, terms: new Set(termsOf(text)) }));
  const fields: Record<TextField, FieldBag> = {
    titles: bag(titleTexts.flatMap(termsOf)),
    skills: bag(profile.skills.flatMap((skill) => termsOf(skill.name))),
    experience: bag([
      ...profile.experiences.flatMap((experience) => termsOf(experience.description)),
      ...profile.education.flatMap((education) => termsOf(education.degree)),
    ]),
    full: bag(termsOf(identityFreeText(profile))),
  };
  const all = new Set<string>();
  for (const field of FIELDS) for (const term of fields[field].counts.keys()) all.add(term);
  const result = { fields, titles, all };
  byLanguage.set(language, result);
  profileCache.set(profile, byLanguage);
  return result;
}

/** Statistics of the pool being ranked: how many profiles have each term, mean field lengths. */
export interface TextPool {
  language: TextLanguage;
  size: number;
  /** Profiles with the term in any field. */
  documentFrequency: Map<string, number>;
  /** Profiles with the term in a title (headline or experience title). */
  titleFrequency: Map<string, number>;
  averageLength: Record<TextField, number>;
}

const poolCache = new WeakMap<readonly CandidateProfile[], Map<TextLanguage, TextPool>>();

/** Pool statistics for comparisons in `language` (cached per profiles array). */
export function buildTextPool(profiles: readonly CandidateProfile[], language: TextLanguage): TextPool {
  const cached = poolCache.get(profiles)?.get(language);
  if (cached) return cached;
  const documentFrequency = new Map<string, number>();
  const titleFrequency = new Map<string, number>();
  const totals: Record<TextField, number> = { titles: 0, skills: 0, experience: 0, full: 0 };
  for (const profile of profiles) {
    const terms = profileTerms(profile, language);
    for (const term of terms.all) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    for (const term of terms.fields.titles.counts.keys())
      titleFrequency.set(term, (titleFrequency.get(term) ?? 0) + 1);
    for (const field of FIELDS) totals[field] += terms.fields[field].length;
  }
  const size = profiles.length;
  const averageLength = Object.fromEntries(
    FIELDS.map((field) => [field, size > 0 ? totals[field] / size : 0]),
  ) as Record<TextField, number>;
  const pool = { language, size, documentFrequency, titleFrequency, averageLength };
  const byLanguage = poolCache.get(profiles) ?? new Map<TextLanguage, TextPool>();
  byLanguage.set(language, pool);
  poolCache.set(profiles, byLanguage);
  return pool;
}

/** Below this many profiles, document frequencies say nothing: every term weighs the same. */
export const MIN_POOL_FOR_IDF = 10;

/** Inverse document frequency (the BM25 form, never negative); 1 in a pool too small to tell. */
function idf(frequency: number, size: number): number {
  if (size < MIN_POOL_FOR_IDF) return 1;
  return Math.log(1 + (size - frequency + 0.5) / (frequency + 0.5));
}

const queryCache = new WeakMap<JobOrder, Map<string, number>>();

/** The order's query terms with their weight (title, required and preferred skills, description). */
export function jobQuery(job: JobOrder): Map<string, number> {
  const cached = queryCache.get(job);
  if (cached) return cached;
  const query = new Map<string, number>();
  const add = (texts: string[], weight: number) => {
    for (const text of texts) {
      for (const term of matchingTerms(text, { genderLanguage: job.language, stemLanguage: job.language }))
        query.set(term, Math.max(query.get(term) ?? 0, weight));
    }
  };
  add([job.title], QUERY_WEIGHTS.title);
  add(job.requiredSkills, QUERY_WEIGHTS.requiredSkills);
  add(job.preferredSkills, QUERY_WEIGHTS.preferredSkills);
  add([job.description], QUERY_WEIGHTS.description);
  queryCache.set(job, query);
  return query;
}

/** How well a profile's text answers an order's query. */
export interface TextRelevance {
  /**
   * 0..1: the share of the query covered, each query term weighted by its weight in the order and its
   * rarity in the pool (IDF), each found term by how often and where it appears (BM25F saturation).
   */
  value: number;
  /** Words of the order found in the profile, rarest first. */
  matched: string[];
}

/**
 * Field-weighted BM25 (BM25F) of the order's query in the profile, over the pool's statistics, divided
 * by the score of a profile holding every query term many times: `Σ q(t)·idf(t)·s(t) / Σ q(t)·idf(t)`
 * with `s(t) = f/(k1 + f)`, `f = Σ_field w_field·tf/(1 − b + b·len/avglen)`. Comparable across the
 * candidates of one order; 0 for a profile with no text.
 */
export function textRelevance(job: JobOrder, profile: CandidateProfile, pool: TextPool): TextRelevance {
  const query = jobQuery(job);
  const terms = profileTerms(profile, pool.language);
  let total = 0;
  let found = 0;
  const matched: { term: string; weight: number }[] = [];
  for (const [term, queryWeight] of query) {
    const weight = queryWeight * idf(pool.documentFrequency.get(term) ?? 0, pool.size);
    total += weight;
    if (!terms.all.has(term)) continue;
    let frequency = 0;
    for (const field of FIELDS) {
      const { counts, length } = terms.fields[field];
      const count = counts.get(term);
      if (!count) continue;
      const average = pool.averageLength[field] || 1;
      frequency += (TEXT_FIELD_WEIGHTS[field] * count) / (1 - B + (B * length) / average);
    }
    found += (weight * frequency) / (K1 + frequency);
    if (!term.startsWith('~')) matched.push({ term, weight });
  }
  return {
    value: total > 0 ? found / total : 0,
    matched: matched.sort((a, b) => b.weight - a.weight).map((item) => item.term),
  };
}

/**
 * Similarity of a job title and one of the candidate's titles, 0..1: an F-measure weighing recall
 * (the order's title words found) four times as much as precision (the candidate title's words that
 * are the order's), words weighted by their rarity among the pool's titles. "Chef" / "Executive chef"
 * ≈ 0.8; "Chef" / "Chef" = 1; no shared word = 0.
 */
export function titleSimilarity(
  jobTitleTerms: ReadonlySet<string>,
  titleTerms: ReadonlySet<string>,
  pool: TextPool,
): number {
  const weight = (term: string) => idf(pool.titleFrequency.get(term) ?? 0, pool.size);
  let shared = 0;
  let wanted = 0;
  let offered = 0;
  for (const term of jobTitleTerms) {
    const value = weight(term);
    wanted += value;
    if (titleTerms.has(term)) shared += value;
  }
  for (const term of titleTerms) offered += weight(term);
  if (shared === 0 || wanted === 0 || offered === 0) return 0;
  const recall = shared / wanted;
  const precision = shared / offered;
  return (5 * precision * recall) / (4 * precision + recall);
}

/**
 * How telling a phrase of the order is in this pool (a skill, a title): the mean IDF of its words, at
 * least 0.1; 1 for every phrase in a pool too small to tell.
 */
export function phraseWeight(phrase: string, job: JobOrder, pool: TextPool): number {
  const words = matchingTerms(phrase, { genderLanguage: job.language, stemLanguage: job.language }).filter(
    (term) => !term.startsWith('~'),
  );
  if (words.length === 0 || pool.size < MIN_POOL_FOR_IDF) return 1;
  const total = words.reduce((sum, term) => sum + idf(pool.documentFrequency.get(term) ?? 0, pool.size), 0);
  return Math.max(0.1, total / words.length);
}

/** The matching terms of one of the profile's titles (headline or experience title), by its text. */
export function profileTitleTerms(
  profile: CandidateProfile,
  language: TextLanguage,
): (title: string) => ReadonlySet<string> {
  const byText = new Map(profileTerms(profile, language).titles.map((title) => [title.text, title.terms]));
  return (title) => byText.get(title.trim()) ?? new Set<string>();
}

/** The order's title as a set of matching terms. */
export function jobTitleTerms(job: JobOrder): Set<string> {
  return new Set(matchingTerms(job.title, { genderLanguage: job.language, stemLanguage: job.language }));
}

const keywordCache = new WeakMap<JobOrder, string[]>();

/**
 * The order's keywords: the words of its title and required skills as written (gender agreements folded,
 * stop words left out, no stemming), each as often as it occurs: what a recruiter types in a search box.
 */
export function jobKeywords(job: JobOrder): string[] {
  const cached = keywordCache.get(job);
  if (cached) return cached;
  const keywords = [job.title, ...job.requiredSkills].flatMap((text) =>
    matchingTerms(text, { genderLanguage: job.language, stemLanguage: job.language }).filter(
      (term) => !term.startsWith('~'),
    ),
  );
  keywordCache.set(job, keywords);
  return keywords;
}

/**
 * Plain Okapi BM25 (k1 = 1.2, b = 0.75) of the order's keywords (`jobKeywords`) in the CV's text without
 * its identity (the `full` field), over the pool's statistics: the keyword-search signal, with no field
 * weights, no stemming and no saturation at the query's coverage. 0 for a profile with no text.
 */
export function keywordRelevance(job: JobOrder, profile: CandidateProfile, pool: TextPool): number {
  const { counts, length } = profileTerms(profile, pool.language).fields.full;
  const norm = K1 * (1 - B + (B * length) / (pool.averageLength.full || 1));
  let score = 0;
  for (const term of jobKeywords(job)) {
    const count = counts.get(term);
    if (!count) continue;
    score += (idf(pool.documentFrequency.get(term) ?? 0, pool.size) * count * (K1 + 1)) / (count + norm);
  }
  return score;
}

/**
 * A keyword score that counts as a full match when the pool's best is below it, as a share of the score of
 * a CV of average length holding each keyword once (`Σ idf`): no 100 for a weak match in a pool of one.
 */
export const KEYWORD_REFERENCE = 0.35;

/**
 * Coverage that counts as a full text match when the pool's best is below it: with a pool of one, or one
 * where nobody matches well, nobody gets 100 for a weak match.
 */
export const TEXT_REFERENCE = 0.35;

/** Words of text a profile needs for its text score to be fully trusted. */
const WORDS_FOR_FULL_CONFIDENCE = 50;

/**
 * The text criterion of each profile of a pool: `textRelevance` divided by the pool's best (at least
 * `TEXT_REFERENCE`), so the best match of the order scores 100 and the others spread below it; likewise the
 * keyword score (`keywordRelevance` divided by the pool's best, at least `KEYWORD_REFERENCE`). Its
 * confidence grows with the amount of text (a CV with almost no words is judged on the rest).
 */
export function scoreTextPool(
  job: JobOrder,
  profiles: readonly CandidateProfile[],
  pool: TextPool,
): Map<string, { score: number; keywords: number; matched: string[]; confidence: number }> {
  const relevance = profiles.map((profile) => ({
    profile,
    ...textRelevance(job, profile, pool),
    keywords: keywordRelevance(job, profile, pool),
  }));
  const best = Math.max(TEXT_REFERENCE, ...relevance.map((item) => item.value));
  const reference =
    KEYWORD_REFERENCE *
    jobKeywords(job).reduce((sum, term) => sum + idf(pool.documentFrequency.get(term) ?? 0, pool.size), 0);
  const bestKeywords = Math.max(reference, ...relevance.map((item) => item.keywords));
  return new Map(
    relevance.map(({ profile, value, keywords, matched }) => [
      profile.id,
      {
        score: Math.min(1, value / best),
        keywords: bestKeywords > 0 ? Math.min(1, keywords / bestKeywords) : 0,
        matched,
        confidence: Math.min(
          1,
          profileTerms(profile, pool.language).fields.full.length / (2 * WORDS_FOR_FULL_CONFIDENCE),
        ),
      },
    ]),
  );
}
