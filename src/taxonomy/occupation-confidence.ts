import { TaxonomyDataError } from '../errors.js';
import { TITLE_SOURCES } from './occupation-entries.js';
import type { OccupationSearch } from './occupation-search.js';
import { lazyTable } from './tables.js';

/**
 * Turns what a title search saw into probabilities: `confidence` that the best code is right and
 * `familyConfidence` that its family (code_rome_parent) is right. Two logistic regressions over the features
 * below, fitted on the dev part of the labelled title sets by scripts/fit-occupation-confidence.ts, which
 * writes the coefficients to the `occupation-confidence` table (data, not code).
 */
export const CONFIDENCE_FEATURES = [
  'bias',
  /** Best score (IDF-weighted Dice, 0..1). */
  'score',
  /** Best score minus the second code's. */
  'margin',
  /** Best score minus the best code of another family. */
  'familyMargin',
  /** Softmax share of the best family among the candidates. */
  'familyShare',
  /** Share of the query's weight the best title matched. */
  'queryCoverage',
  /** log(1 + families whose titles hold every query word): high for a generic title. */
  'coveringFamilies',
  /** Share of the best title's weight the query matched. */
  'titleCoverage',
  /** Share of the query's words no index knows. */
  'unknownShare',
  /** 1 when every query word is a generic head noun (technicien, agent, manager…). */
  'genericOnly',
  /** Share of the query's words that are generic head nouns. */
  'genericShare',
  /** 1 for a one-word query. */
  'singleWord',
  /** 1 when a typo or prefix match contributed to the best title. */
  'fuzzy',
  /** Source of the best title: a ROME appellation other than the main ones, an ESCO label, a curated one. */
  'sourceRomeOther',
  'sourceEsco',
  'sourceCurated',
  /** 1 when the English index found the best title. */
  'english',
  /** 1 when an English title's head word ("teacher" in "Third Grade Teacher") is not in the best title. */
  'headMissed',
  /** 1 when it is. */
  'headMatched',
  /** 1 when the French and English indexes put their best codes in the same family. */
  'indexesAgree',
  /**
   * The English calibration: the same evidence read again when the English index found the best title, so
   * the fit gives English answers their own slope and offset (English scores ran high for their accuracy:
   * an English title often matches one ESCO label fully and says little about the family).
   */
  'englishScore',
  'englishFamilyMargin',
  'englishFamilyShare',
  'englishGenericShare',
  'englishQueryCoverage',
  /** The English best title is an ESCO label (the bridge) rather than a curated English title. */
  'englishEsco',
  /**
   * Specificity: log(1 + families whose titles hold the query's most specific known word). "Manager" or
   * "Responsable" spread over hundreds of families, "Cariste" over one.
   */
  'specificity',
  /** Entropy of the candidates' evidence over families (see `SearchSignals.familyEntropy`). */
  'familyEntropy',
  /** 1 when the best title matched only generic head nouns or soft noise of a query that has other words. */
  'headOnly',
  /** 1 when the best title's only content-word evidence is a typo or prefix match. */
  'fuzzyContentOnly',
  /** 1 when the best title shares one word with a query of two words or more. */
  'oneWordOverlap',
  /**
   * Specificity of the query as a whole: log(1 + families whose titles, anywhere in the index of the best
   * title, hold every known query word), and the entropy of those titles over their families. "Machine
   * Operator" is an exact ESCO label, yet operator titles holding "machine" sit in some sixty families.
   */
  'coveringAll',
  'coveringEntropy',
  /**
   * The same, only when the best title is exactly the query (both coverages 1): an exact label is only as sure
   * as the label is specific, which the score (1) alone cannot say.
   */
  'exactCovering',
  'exactEntropy',
] as const;

/** Both coverages at least this: the best title is the query, word for word. */
const EXACT_COVERAGE = 0.99;

export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];

/** The shipped model: feature names (checked against `CONFIDENCE_FEATURES`) and one weight per feature. */
export interface ConfidenceModel {
  features: string[];
  code: number[];
  family: number[];
}

export const confidenceModel = lazyTable<ConfidenceModel>('occupation-confidence');

/** Feature vector of a search, in `CONFIDENCE_FEATURES` order (all zeros but the bias when nothing matched). */
export function confidenceFeatures({ candidates, signals }: OccupationSearch): number[] {
  const [top, second] = candidates;
  const {
    query,
    genericWords,
    words,
    familyShare,
    familyEntropy,
    otherFamilyScore,
    coveringFamilies,
    head,
    indexesAgree,
  } = signals;
  const source = top ? TITLE_SOURCES[top.source] : undefined;
  const exact =
    top !== undefined && top.queryCoverage >= EXACT_COVERAGE && top.titleCoverage >= EXACT_COVERAGE;
  const values: Record<ConfidenceFeature, number> = {
    bias: 1,
    score: top?.score ?? 0,
    margin: top ? top.score - (second?.score ?? 0) : 0,
    familyMargin: top ? top.score - otherFamilyScore : 0,
    familyShare: top ? familyShare : 0,
    queryCoverage: top?.queryCoverage ?? 0,
    coveringFamilies: Math.log1p(coveringFamilies),
    titleCoverage: top?.titleCoverage ?? 0,
    unknownShare: query.words > 0 ? query.unknownWords / query.words : 1,
    genericOnly: words > 0 && genericWords === words ? 1 : 0,
    genericShare: words > 0 ? genericWords / words : 0,
    singleWord: query.words === 1 ? 1 : 0,
    fuzzy: top?.fuzzy ? 1 : 0,
    sourceRomeOther: source === 'rome-other' ? 1 : 0,
    sourceEsco: source === 'esco-fr' || source === 'esco-en' ? 1 : 0,
    sourceCurated: source === 'curated-fr' || source === 'curated-en' ? 1 : 0,
    english: top?.language === 'en' ? 1 : 0,
    headMissed: head && top && !(top.language === 'en' && top.headMatched) ? 1 : 0,
    headMatched: head && top?.language === 'en' && top.headMatched ? 1 : 0,
    indexesAgree: indexesAgree ? 1 : 0,
    englishScore: 0,
    englishFamilyMargin: 0,
    englishFamilyShare: 0,
    englishGenericShare: 0,
    englishQueryCoverage: 0,
    englishEsco: 0,
    specificity: Math.log1p(query.specificFamilies),
    familyEntropy: top ? familyEntropy : 0,
    headOnly: top && !top.contentMatched && genericWords < words ? 1 : 0,
    fuzzyContentOnly: top?.contentMatched && !top.exactContentMatched ? 1 : 0,
    oneWordOverlap: top && top.matchedWords === 1 && query.words >= 2 ? 1 : 0,
    coveringAll: Math.log1p(query.coveringFamilies),
    coveringEntropy: query.coveringEntropy,
    exactCovering: exact ? Math.log1p(query.coveringFamilies) : 0,
    exactEntropy: exact ? query.coveringEntropy : 0,
  };
  if (top?.language === 'en') {
    values.englishScore = values.score;
    values.englishFamilyMargin = values.familyMargin;
    values.englishFamilyShare = values.familyShare;
    values.englishGenericShare = values.genericShare;
    values.englishQueryCoverage = values.queryCoverage;
    values.englishEsco = source === 'esco-en' ? 1 : 0;
  }
  return CONFIDENCE_FEATURES.map((name) => values[name]);
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

function dot(weights: readonly number[], features: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < features.length; index++) sum += (weights[index] ?? 0) * features[index]!;
  return sum;
}

/**
 * Ceilings for a bare broad English head noun (`SearchSignals.broadHead`): the family it is filed under is the
 * most common one, not a sure one, and the code even less. Applied after the fitted model, which sees too few
 * such titles to learn it.
 */
export const BROAD_HEAD_CONFIDENCE = { code: 0.5, family: 0.75 } as const;

let checked = false;

/** Probabilities that the best code, and its family, are right (0 when nothing matched). */
export function occupationConfidence(search: OccupationSearch): {
  confidence: number;
  familyConfidence: number;
} {
  if (search.candidates.length === 0) return { confidence: 0, familyConfidence: 0 };
  const model = confidenceModel();
  if (!checked) {
    if (model.features.join(',') !== CONFIDENCE_FEATURES.join(',')) {
      throw new TaxonomyDataError(
        'occupation-confidence.json',
        'the occupation-confidence table does not list CONFIDENCE_FEATURES: run npm run fit:occupations',
      );
    }
    checked = true;
  }
  const features = confidenceFeatures(search);
  const confidence = sigmoid(dot(model.code, features));
  const familyConfidence = sigmoid(dot(model.family, features));
  // A right code implies a right family.
  const result = { confidence, familyConfidence: Math.max(confidence, familyConfidence) };
  if (search.signals.broadHead) {
    result.confidence = Math.min(result.confidence, BROAD_HEAD_CONFIDENCE.code);
    result.familyConfidence = Math.min(result.familyConfidence, BROAD_HEAD_CONFIDENCE.family);
  }
  return result;
}
