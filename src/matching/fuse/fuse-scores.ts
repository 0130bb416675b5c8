import type { Criterion, CriterionScore, MatchResult, Met } from '../../domain/index.js';
import { type LanguageCode, type MessageKey, message } from '../../locale/index.js';
import type { FeatureScore } from '../features/score-features.js';
import type { RequirementOutcome } from '../requirements/tally-requirements.js';
import type { LlmAssessment } from '../rerank/index.js';
import { defaultLlmWeight, type Weights } from './weights.js';

/** What the LLM reranker said about one candidate (from `rerankWithLlm`). */
export type { LlmAssessment };

export interface FuseInput {
  candidateId: string;
  features: FeatureScore[];
  /** The pair's requirement outcome (`assessPair(...).requirements`, or `tallyRequirements(checks)`). */
  requirements: Pick<RequirementOutcome, 'unmet' | 'penalty' | 'excluded'>;
  /** Absent: the candidate was not sent to the LLM (not shortlisted, or no chat model). */
  llm?: LlmAssessment;
  /** Warnings about how this candidate could be scored (e.g. `no-embedding`), kept in the result. */
  warnings?: MatchResult['warnings'];
}

export interface FuseOptions {
  /** Normalised weights (see `resolveWeights`). */
  weights: Weights;
  /** Share of the LLM score, default 0.4: `final = (1 - llmWeight) * structured + llmWeight * llm`. */
  llmWeight?: number;
  /** Language of the summary; default `fr`. */
  language?: LanguageCode;
}

/** A fused result before ranking, with whether the caller's policy excludes it. */
export type FusedResult = Omit<MatchResult, 'rank'> & { excluded: boolean };

const roundScore = (value: number): number => Math.round(Math.max(0, Math.min(100, value)) * 10) / 10;
const roundConfidence = (value: number): number => Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
const MET_POINTS: Record<Met, number> = { yes: 100, partial: 50, no: 0 };

/**
 * One 0–100 score from the structured criteria (mean over the criteria that apply, each weighted by its
 * default weight times its confidence, times the penalty of each missed requirement) and, when present, the LLM assessment. The
 * breakdown says where each part came from; weights of the weighted entries sum to 1. A failed
 * LLM assessment leaves the structured score and adds an `llm-degraded` warning.
 */
export function fuseScores(input: FuseInput, options: FuseOptions): FusedResult {
  const language = options.language ?? 'fr';
  const llmWeight = options.llmWeight ?? defaultLlmWeight;
  // Confidence-aware weights: w·c, normalised over the criteria of this result.
  const weightOf = (feature: FeatureScore) => options.weights[feature.criterion] * feature.confidence;
  const applicable = input.features.reduce((sum, feature) => sum + weightOf(feature), 0);
  const llm = input.llm?.ok ? input.llm : null;
  const structuredShare = llm ? 1 - llmWeight : 1;
  const breakdown: CriterionScore[] = input.features.map((feature) => ({
    ...feature,
    confidence: roundConfidence(feature.confidence),
    weight: applicable > 0 ? (weightOf(feature) / applicable) * structuredShare : 0,
  }));
  const structured =
    applicable > 0
      ? input.features.reduce((sum, feature) => sum + feature.score * weightOf(feature), 0) / applicable
      : 0;
  const { unmet, penalty } = input.requirements;
  const warnings: MatchResult['warnings'] = [...(input.warnings ?? [])];
  let combined = structured;
  if (llm) {
    combined = (1 - llmWeight) * structured + llmWeight * llm.score;
    breakdown.push({
      criterion: 'llm',
      score: roundScore(llm.score),
      weight: llmWeight,
      source: 'llm',
      evidence: [...new Set(llm.criteria.flatMap((item) => item.evidence))],
      met: llm.score >= 70 ? 'yes' : llm.score >= 40 ? 'partial' : 'no',
    });
    // The LLM's own criteria, for the explanation; weight 0: already counted in the `llm` entry.
    for (const item of llm.criteria) {
      breakdown.push({
        criterion: `llm:${item.criterion}`,
        score: MET_POINTS[item.met],
        weight: 0,
        source: 'llm',
        evidence: item.evidence,
        met: item.met,
      });
    }
    for (const flag of llm.flags) warnings.push({ code: 'llm-flag', message: flag });
  } else if (input.llm && !input.llm.ok) {
    warnings.push({
      code: 'llm-degraded',
      message: message(language, 'fuse.llmDegraded', { code: input.llm.code, message: input.llm.message }),
    });
  }
  return {
    candidateId: input.candidateId,
    score: roundScore(combined * penalty),
    breakdown,
    unmetRequirements: [...unmet],
    summary: summarize(breakdown, unmet, penalty, llm?.summary ?? null, language),
    warnings,
    excluded: input.requirements.excluded,
  };
}

const CRITERION_LABELS: Record<Criterion | 'llm', MessageKey> = {
  occupation: 'criterion.occupation',
  skills: 'criterion.skills',
  preferredSkills: 'criterion.preferredSkills',
  experience: 'criterion.experience',
  certifications: 'criterion.certifications',
  licences: 'criterion.licences',
  distance: 'criterion.distance',
  availability: 'criterion.availability',
  languages: 'criterion.languages',
  semantic: 'criterion.semantic',
  text: 'criterion.text',
  keywords: 'criterion.keywords',
  llm: 'criterion.llm',
};

/** Readable label of a criterion (`llm:<name>` entries keep their name). */
export function criterionLabel(criterion: string, language: LanguageCode): string {
  const labels: Readonly<Record<string, MessageKey | undefined>> = CRITERION_LABELS;
  const key = Object.hasOwn(labels, criterion) ? labels[criterion] : undefined;
  return key ? message(language, key) : criterion.replace(/^llm:/, '');
}

function summarize(
  breakdown: CriterionScore[],
  unmet: MatchResult['unmetRequirements'],
  penalty: number,
  llmSummary: string | null,
  language: LanguageCode,
): string {
  const weighted = breakdown.filter((entry) => entry.weight > 0 && entry.source !== 'llm');
  const strong = weighted
    .filter((entry) => entry.met === 'yes')
    .map((entry) => criterionLabel(entry.criterion, language));
  const weak = weighted
    .filter((entry) => entry.met === 'no')
    .map((entry) => criterionLabel(entry.criterion, language));
  const parts: string[] = [];
  if (strong.length) parts.push(message(language, 'fuse.summary.strengths', { criteria: strong.join(', ') }));
  if (weak.length) parts.push(message(language, 'fuse.summary.weaknesses', { criteria: weak.join(', ') }));
  if (unmet.length) {
    const requirements = unmet.map((item) => item.message).join(message(language, 'list.semicolon'));
    parts.push(message(language, 'fuse.summary.unmet', { requirements }));
    if (penalty < 1) parts.push(message(language, 'fuse.summary.penalty', { factor: penalty.toFixed(2) }));
  }
  if (llmSummary) parts.push(llmSummary);
  return parts.join(' ');
}

/**
 * Sorts and ranks: score desc, then fewer unmet requirements, then candidate id (deterministic).
 */
export function rankResults<T extends Omit<MatchResult, 'rank'>>(results: T[]): (T & { rank: number })[] {
  return [...results]
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.unmetRequirements.length - b.unmetRequirements.length ||
        (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0),
    )
    .map((result, index) => ({ ...result, rank: index + 1 }));
}
