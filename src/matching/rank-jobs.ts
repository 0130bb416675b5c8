import type { CandidateProfile, JobOrder, JobOrderInput, MatchResult } from '../domain/index.js';
import { CvmatchError, isOutage } from '../errors.js';
import type { EmbeddingModel } from '../providers/spec.js';
import { assessPair } from './assess-pair.js';
import { indexProfileSkills, type SkillIndex, scoreFeatures } from './features/index.js';
import { fuseScores, resolveWeights } from './fuse/index.js';
import { embeddingFailedWarning, type RankCandidatesOptions, validateJobOrder } from './rank-candidates.js';
import { resolvePolicy } from './requirements/index.js';
import { embedTexts, jobSearchText, profileSearchText } from './retrieve/index.js';
import { toIsoDate } from './support/calendar.js';

/** One order's fit for a candidate: a `MatchResult` (ranked among the orders) plus which order. */
export type JobMatch = MatchResult & { jobId: string; jobTitle: string };

export type RankJobsOptions = Pick<
  RankCandidatesOptions,
  'weights' | 'policy' | 'excludeUnmet' | 'now' | 'signal'
> & {
  /** Adds the `semantic` criterion: one embedding call for the candidate and the orders. */
  embeddingModel?: EmbeddingModel;
};

/**
 * The reverse of `rankCandidates`: which open orders suit one candidate, best first (score desc,
 * then fewer unmet requirements, then job id). Same criteria, weights and policies; no LLM. An embedding
 * outage (after the retries) scores on rules only, with an `embedding-failed` warning on each match.
 */
export async function rankJobs(
  candidate: CandidateProfile,
  jobInputs: (JobOrderInput | JobOrder)[],
  options: RankJobsOptions = {},
): Promise<JobMatch[]> {
  const jobs = jobInputs.map(validateJobOrder);
  const now = toIsoDate(options.now);
  const weights = resolveWeights(options.weights);
  const policy = resolvePolicy(options);
  let semantic: number[] | null = null;
  let embeddingFailed = false;
  if (options.embeddingModel) {
    try {
      semantic = await similarities(candidate, jobs, options.embeddingModel, options.signal);
    } catch (error) {
      // An embedding outage degrades to rules (`embedding-failed` on each match); anything else is thrown.
      if (!isOutage(error)) throw error;
      embeddingFailed = true;
    }
  }
  const skillIndexes = new Map<'fr' | 'en', SkillIndex>();
  const matches: Omit<JobMatch, 'rank'>[] = [];
  for (const [position, job] of jobs.entries()) {
    options.signal?.throwIfAborted();
    let skillIndex = skillIndexes.get(job.language);
    if (!skillIndex) {
      skillIndex = indexProfileSkills(candidate, job.language);
      skillIndexes.set(job.language, skillIndex);
    }
    const assessment = assessPair(job, candidate, {
      now,
      policy,
      skillIndex,
      semantic: semantic?.[position] ?? null,
    });
    const { excluded, ...result } = fuseScores(
      {
        candidateId: candidate.id,
        features: scoreFeatures(assessment),
        requirements: assessment.requirements,
        ...(embeddingFailed ? { warnings: [embeddingFailedWarning(job.language)] } : {}),
      },
      { weights, language: job.language },
    );
    if (!excluded) matches.push({ ...result, jobId: job.id, jobTitle: job.title });
  }
  return matches
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.unmetRequirements.length - b.unmetRequirements.length ||
        (a.jobId < b.jobId ? -1 : a.jobId > b.jobId ? 1 : 0),
    )
    .map((match, index) => ({ ...match, rank: index + 1 }));
}

async function similarities(
  candidate: CandidateProfile,
  jobs: JobOrder[],
  model: EmbeddingModel,
  signal: AbortSignal | undefined,
): Promise<number[]> {
  const texts = [profileSearchText(candidate), ...jobs.map(jobSearchText)];
  const [profileVector, ...jobVectors] = await embedTexts(texts, model, signal ? { signal } : {});
  if (!profileVector) throw new CvmatchError('the embedding model returned no vector for the candidate');
  return jobVectors.map((vector) => Math.max(0, Math.min(1, cosine(profileVector, vector))));
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}
