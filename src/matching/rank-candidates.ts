import {
  type CandidateProfile,
  type JobOrder,
  type JobOrderInput,
  jobOrderSchema,
  type MatchResult,
  type UnmetRequirement,
} from '../domain/index.js';
import { isOutage, ValidationError } from '../errors.js';
import type { ChatModel, EmbeddingModel } from '../providers/spec.js';
import { assessPair, type PairAssessment } from './assess-pair.js';
import { scoreFeatures } from './features/index.js';
import { scoreTextPool } from './features/text-relevance.js';
import {
  type FusedResult,
  type FuseInput,
  fuseScores,
  type LlmAssessment,
  rankResults,
  resolveLlmWeight,
  resolveWeights,
  type WeightOverrides,
} from './fuse/index.js';
import { type PolicyOptions, resolvePolicy } from './requirements/index.js';
import { titleContext } from './requirements/occupation-experience.js';
import { type RerankEvent, rerankWithLlm } from './rerank/index.js';
import { DEFAULT_RETRIEVE_TOP_K, PoolIndex, retrieveCandidates } from './retrieve/index.js';
import { cachedPoolIndex } from './retrieve/pool-index-cache.js';
import { toIsoDate } from './support/calendar.js';

/** Up to this many profiles, every one is scored; above it, retrieval picks `retrieveTopK` first. */
export const SCORE_EVERYONE_UP_TO = 2_000;
/** Candidates sent to the LLM reranker (best structured scores first). */
export const DEFAULT_SHORTLIST_SIZE = 30;

/** Progress and notable decisions of a ranking run, for logs and audit. */
export type RankEvent =
  | { type: 'retrieved'; poolSize: number; kept: number; semantic: boolean }
  | { type: 'scored'; count: number }
  | { type: 'excluded'; candidateId: string; unmet: UnmetRequirement[] }
  | { type: 'llm-shortlist'; count: number }
  | { type: 'llm-usage'; calls: number; inputTokens: number; outputTokens: number }
  | { type: 'llm-degraded'; candidateId: string; code: string; message: string }
  /** The embedding model failed (an outage after its retries): ranked on words and rules only. */
  | { type: 'embedding-failed'; provider: string; modelId: string; message: string }
  | { type: 'rerank'; event: RerankEvent };

export interface RankCandidatesOptions extends PolicyOptions {
  /** Adds the `semantic` criterion (embedding similarity); without one, scoring is rule-based only. */
  embeddingModel?: EmbeddingModel;
  /** Reranks the shortlist with an LLM; without one, no LLM is called. */
  chatModel?: ChatModel;
  /** Per-call weight overrides (normalised with the defaults); `llm` sets the LLM share (default 0.4). */
  weights?: WeightOverrides;
  /** Shortlist size for the LLM (default 30). */
  shortlistSize?: number;
  /** Candidates kept by retrieval in big pools (default: everyone up to 2,000 profiles, else 500). */
  retrieveTopK?: number;
  /** LLM rerank tuning, passed to `rerankWithLlm`. */
  llm?: { batchSize?: number; concurrency?: number; budget?: { maxCalls?: number; maxTokens?: number } };
  /** Reference date for availability, experience and certificate validity; default today. */
  now?: string | Date;
  signal?: AbortSignal;
  onEvent?: (event: RankEvent) => void;
}

/** Validates a job order input, filling defaults; `ValidationError` with the issues otherwise. */
export function validateJobOrder(job: JobOrderInput | JobOrder): JobOrder {
  const parsed = jobOrderSchema.safeParse(job);
  if (!parsed.success) {
    throw new ValidationError('invalid job order', {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      })),
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * Ranks a pool of candidates for one job order: (for big pools or with an embedding model) hybrid
 * retrieval, one assessment per pair (hard requirements, experience), structured scoring, optional
 * LLM rerank of the shortlist, fusion. Returns schema-valid `MatchResult`s ranked 1..n. Works with no options (offline rules).
 * Nobody is dropped unless the caller's policy says `exclude` for a requirement they miss.
 * Never reads names, contact details or `profile.sensitive`.
 */
export async function rankCandidates(
  jobInput: JobOrderInput | JobOrder,
  pool: CandidateProfile[] | PoolIndex,
  options: RankCandidatesOptions = {},
): Promise<MatchResult[]> {
  const job = validateJobOrder(jobInput);
  const now = toIsoDate(options.now);
  const weights = resolveWeights(options.weights);
  const llmWeight = resolveLlmWeight(options.weights?.llm);
  const policy = resolvePolicy(options);
  const emit = options.onEvent ?? (() => {});
  // A loaded PoolIndex decodes a profile when it is first read: a big pool reads only what retrieval keeps.
  const arrayPool = pool instanceof PoolIndex ? null : poolProfiles(pool);
  const poolSize = arrayPool ? arrayPool.length : (pool as PoolIndex).size;
  const allProfiles = () => arrayPool ?? (pool as PoolIndex).profiles();

  // 1. Retrieval: for big pools (prefilter) and whenever embeddings are available (semantic criterion).
  let semanticById: Map<string, number | null> | null = null;
  let selected: CandidateProfile[] | null = null;
  let embeddingModel = options.embeddingModel;
  let embeddingFailed = false;
  if (embeddingModel || poolSize > SCORE_EVERYONE_UP_TO) {
    const scoreEveryone = poolSize <= SCORE_EVERYONE_UP_TO && options.retrieveTopK === undefined;
    // A profile with no job-related text has nothing to embed (a zero vector): retrieval skips it,
    // and when everyone is scored it gets a semantic similarity of 0.
    // The index of a plain array is kept for the next call with the same, unchanged array (cachedPoolIndex).
    const retrieve = async (model: EmbeddingModel | undefined) => {
      const retrievable =
        arrayPool === null
          ? (pool as PoolIndex)
          : await cachedPoolIndex(arrayPool, {
              ...(model ? { embeddingModel: model } : {}),
              ...(options.signal ? { signal: options.signal } : {}),
              skipEmptyText: true,
            });
      return retrieveCandidates(job, retrievable, {
        ...(model ? { embeddingModel: model } : {}),
        topK: options.retrieveTopK ?? (scoreEveryone ? poolSize : DEFAULT_RETRIEVE_TOP_K),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    };
    let retrieved: Awaited<ReturnType<typeof retrieveCandidates>>;
    try {
      retrieved = await retrieve(embeddingModel);
    } catch (error) {
      // An embedding outage (5xx, resets, timeouts, 429 after the retries) degrades to words and rules, like
      // an LLM outage; a bad key, another 4xx, an abort or a bug is thrown.
      if (embeddingModel === undefined || !isOutage(error)) throw error;
      emit({
        type: 'embedding-failed',
        provider: embeddingModel.provider,
        modelId: embeddingModel.modelId,
        message: error.message,
      });
      embeddingModel = undefined;
      embeddingFailed = true;
      retrieved = await retrieve(undefined);
    }
    semanticById = new Map(retrieved.map((hit) => [hit.candidateId, hit.semantic]));
    if (scoreEveryone) {
      selected = allProfiles();
      const missing = embeddingModel ? 0 : null;
      for (const profile of selected)
        if (!semanticById.has(profile.id)) semanticById.set(profile.id, missing);
    } else {
      const byId = arrayPool && new Map(arrayPool.map((profile) => [profile.id, profile]));
      selected = retrieved.flatMap((hit) => {
        const profile = byId ? byId.get(hit.candidateId) : (pool as PoolIndex).get(hit.candidateId);
        return profile ? [profile] : [];
      });
    }
    emit({
      type: 'retrieved',
      poolSize,
      kept: selected.length,
      semantic: !!embeddingModel,
    });
  }
  const scored = selected ?? allProfiles();

  // 2–3. Requirements and structured scores: each pair assessed once. Text relevance and title rarity are
  // measured over the profiles being scored; the embedding similarity is spread over the pool's range.
  const fuseOptions = { weights, llmWeight, language: job.language };
  const titles = titleContext(job, scored);
  const textScores = scoreTextPool(job, scored, titles.pool);
  const semanticScores = spreadSemantic(semanticById);
  const assessed = scored.map((profile) => {
    options.signal?.throwIfAborted();
    const assessment = assessPair(job, profile, {
      now,
      policy,
      semantic: semanticScores.get(profile.id) ?? null,
      text: textScores.get(profile.id) ?? null,
      titles,
    });
    return { profile, assessment, features: scoreFeatures(assessment) };
  });
  const inputs = new Map<string, FuseInput>();
  const kept: FusedResult[] = [];
  for (const { profile, assessment, features } of assessed) {
    const input: FuseInput = {
      candidateId: profile.id,
      features,
      requirements: assessment.requirements,
      warnings: [
        ...(embeddingFailed ? [embeddingFailedWarning(job.language)] : []),
        ...weakProfileWarnings(assessment, !!embeddingModel),
      ],
    };
    const fused = fuseScores(input, fuseOptions);
    if (fused.excluded) {
      emit({ type: 'excluded', candidateId: profile.id, unmet: fused.unmetRequirements });
      continue;
    }
    inputs.set(profile.id, input);
    kept.push(fused);
  }
  emit({ type: 'scored', count: kept.length });

  // 4. LLM rerank of the shortlist.
  let results = kept;
  if (options.chatModel && kept.length > 0) {
    const shortlistSize = Math.max(0, options.shortlistSize ?? DEFAULT_SHORTLIST_SIZE);
    const shortlist = rankResults(kept).slice(0, shortlistSize);
    const byId = new Map(scored.map((profile) => [profile.id, profile]));
    const candidates = shortlist.flatMap((result) => {
      const profile = byId.get(result.candidateId);
      return profile ? [profile] : [];
    });
    emit({ type: 'llm-shortlist', count: candidates.length });
    const { assessments, usage } = await rerankWithLlm(job, candidates, {
      model: options.chatModel,
      ...options.llm,
      language: job.language,
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (event) => emit({ type: 'rerank', event }),
    });
    emit({ type: 'llm-usage', ...usage });
    const onShortlist = new Set(candidates.map((profile) => profile.id));
    results = kept.map((result) => {
      if (!onShortlist.has(result.candidateId)) return result;
      const input = inputs.get(result.candidateId);
      if (!input) return result;
      const llm: LlmAssessment = assessments.get(result.candidateId) ?? {
        ok: false,
        code: 'llm-failed',
        message: 'no assessment returned for this candidate',
      };
      if (!llm.ok)
        emit({ type: 'llm-degraded', candidateId: result.candidateId, code: llm.code, message: llm.message });
      return fuseScores({ ...input, llm }, fuseOptions);
    });
  }

  // 5. Deterministic ranking.
  return rankResults(results).map(({ excluded: _excluded, ...result }) => result);
}

/**
 * Embedding similarities spread over the pool's range (lowest 0, highest 1) when they differ by at least
 * 0.05, so that a model whose cosines all sit near 0.8 (or near 0.1) still separates candidates; kept as
 * they are otherwise. Profiles without a similarity stay without one.
 */
function spreadSemantic(values: Map<string, number | null> | null): Map<string, number> {
  const known = [...(values ?? new Map<string, number | null>())].filter(
    (entry): entry is [string, number] => entry[1] !== null,
  );
  const numbers = known.map(([, value]) => value);
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const spread = high - low >= 0.05;
  return new Map(known.map(([id, value]) => [id, spread ? (value - low) / (high - low) : value]));
}

/** The warning each result carries when the embedding model failed during the run. */
export function embeddingFailedWarning(language: string): MatchResult['warnings'][number] {
  return {
    code: 'embedding-failed',
    message:
      language === 'en'
        ? 'the embedding model was unavailable: scored on words and rules, without CV similarity'
        : 'modèle de vecteurs indisponible : score sur les mots et les règles, sans proximité du CV',
  };
}

/** Warnings for a profile scored on less than usual: no embedding, or (almost) no text. */
function weakProfileWarnings(assessment: PairAssessment, hasEmbeddings: boolean): MatchResult['warnings'] {
  const english = assessment.job.language === 'en';
  const warnings: MatchResult['warnings'] = [];
  if (hasEmbeddings && assessment.semantic === null) {
    warnings.push({
      code: 'no-embedding',
      message: english
        ? 'no usable embedding for this CV (no readable work fields): scored without CV similarity'
        : 'pas de vecteur exploitable pour ce CV (aucun champ métier lisible) : score sans proximité du CV',
    });
  }
  if (!assessment.text || assessment.text.confidence === 0) {
    warnings.push({
      code: 'empty-profile',
      message: english
        ? 'this CV has (almost) no readable text: its score rests on the few fields that were read'
        : 'ce CV ne contient (presque) pas de texte lisible : son score repose sur les rares champs lus',
    });
  }
  return warnings;
}

function poolProfiles(pool: CandidateProfile[] | PoolIndex): CandidateProfile[] {
  if (pool instanceof PoolIndex) return pool.profiles();
  const seen = new Set<string>();
  for (const profile of pool) {
    if (seen.has(profile.id)) {
      throw new ValidationError(`duplicate candidate id ${profile.id} in the pool`, {
        issues: [{ path: ['pool'], message: `duplicate id ${profile.id}` }],
      });
    }
    seen.add(profile.id);
  }
  return pool;
}
