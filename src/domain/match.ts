import { z } from 'zod';

/** Which stage of the pipeline produced a score. */
export const scoreSourceSchema = z.enum(['rule', 'embedding', 'llm']);
export type ScoreSource = z.infer<typeof scoreSourceSchema>;

export const metSchema = z.enum(['yes', 'partial', 'no']);
export type Met = z.infer<typeof metSchema>;

export const criterionScoreSchema = z.object({
  /** e.g. `occupation`, `skills`, `experience`, `certifications`, `licences`, `distance`, `availability`, `languages`, `semantic`. */
  criterion: z.string(),
  /** 0–100. */
  score: z.number().min(0).max(100),
  /** Relative weight in the fused score (weights of one result sum to 1). */
  weight: z.number().min(0),
  source: scoreSourceSchema,
  /** Quotes from the CV text that support the score. */
  evidence: z.array(z.string()),
  met: metSchema,
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

export const unmetRequirementSchema = z.object({
  kind: z.enum(['certification', 'licence', 'availability', 'distance', 'language', 'experience']),
  /** What was required, e.g. `CACES_R489_3`, `CE`, `2026-12-01`, `25 km`. */
  requirement: z.string(),
  /** The gap in plain words, e.g. "missing CACES R489 3: trainable in 3 days". */
  message: z.string(),
});
export type UnmetRequirement = z.infer<typeof unmetRequirementSchema>;

export const matchResultSchema = z.object({
  candidateId: z.string(),
  /** 0–100. */
  score: z.number().min(0).max(100),
  /** 1-based. */
  rank: z.number().int().positive(),
  breakdown: z.array(criterionScoreSchema),
  unmetRequirements: z.array(unmetRequirementSchema),
  summary: z.string(),
  /** Things the recruiter should know about how this score was made (e.g. LLM failed, fell back to rules). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).default([]),
});
export type MatchResult = z.output<typeof matchResultSchema>;
