import type { CandidateProfile, JobOrder, JobOrderInput, MatchResult } from '../domain/index.js';
import { CvmatchError } from '../errors.js';
import type { EmbeddingModel } from '../providers/spec.js';
import { scoreFeatures } from './features/score-features.js';
import { indexProfileSkills } from './features/skills.js';
import { fuseScores } from './fuse/fuse-scores.js';
import { resolveWeights } from './fuse/weights.js';
import { type RankCandidatesOptions, resolvePolicy, validateJobOrder } from './rank-candidates.js';
import { checkRequirements } from './requirements/check-requirements.js';
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
 * then fewer unmet requirements, then job id). Same criteria, weights and policies; no LLM.
 */
export async function rankJobs(
  candidate: CandidateProfile,
  jobInputs: (JobOrderInput | JobOrder)[],
  options: RankJobsOptions = {},
): Promise<JobMatch[]> {
  const jobs = jobInputs.map(validateJobOrder);
  const now = toIsoDate(options.now);
  const { llm: _llm, ...weightOverrides } = options.weights ?? {};
  const weights = resolveWeights(weightOverrides);
  const policy = resolvePolicy(options);
  const semantic = options.embeddingModel
    ? await similarities(candidate, jobs, options.embeddingModel, options.signal)
    : null;
  const skillIndexes = new Map<'fr' | 'en', ReturnType<typeof indexProfileSkills>>();
  const matches: Omit<JobMatch, 'rank'>[] = [];
  for (const [position, job] of jobs.entries()) {
    options.signal?.throwIfAborted();
    let skillIndex = skillIndexes.get(job.language);
    if (!skillIndex) {
      skillIndex = indexProfileSkills(candidate, job.language);
      skillIndexes.set(job.language, skillIndex);
    }
    const requirements = checkRequirements(job, candidate, { now, policy });
    const features = scoreFeatures(job, candidate, {
      now,
      requirements,
      skillIndex,
      semantic: semantic?.[position] ?? null,
    });
    const { excluded, ...result } = fuseScores(
      { candidateId: candidate.id, features, requirements },
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
