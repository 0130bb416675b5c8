import * as z from 'zod';

/** Which stage of the pipeline produced a score. */
export const scoreSourceSchema = z.enum(['rule', 'embedding', 'llm']);
export type ScoreSource = z.infer<typeof scoreSourceSchema>;

export const metSchema = z.enum(['yes', 'partial', 'no']);
export type Met = z.infer<typeof metSchema>;

/** The structured criteria a match is scored on (one breakdown entry each, when it applies to the order). */
export const criterionSchema = z.enum([
  'occupation',
  'skills',
  'preferredSkills',
  'experience',
  'certifications',
  'licences',
  'distance',
  'availability',
  'languages',
  'semantic',
  'text',
  'keywords',
]);
export type Criterion = z.infer<typeof criterionSchema>;

export const criterionScoreSchema = z.object({
  /**
   * A `Criterion` (see `criterionSchema`); with an LLM rerank also `llm` (its overall score) and
   * `llm:<name>` (its own criteria, weight 0).
   */
  criterion: z.string(),
  /** 0–100. */
  score: z.number().min(0).max(100),
  /**
   * Relative weight in the fused score (weights of one result sum to 1): the criterion's default weight
   * times its `confidence`, normalised over the criteria of this result.
   */
  weight: z.number().min(0),
  /**
   * How sure the score is, 0–1: how reliably the occupation codes were read, how confidently the fields it
   * used were parsed, whether the value was known at all (unknown availability: 0). Weight moves from
   * unsure criteria to sure ones. Absent on LLM entries.
   */
  confidence: z.number().min(0).max(1).optional(),
  source: scoreSourceSchema,
  /** Quotes from the CV text that support the score. */
  evidence: z.array(z.string()),
  met: metSchema,
});
export type CriterionScore = z.infer<typeof criterionScoreSchema>;

/** The kinds of hard requirement a job order can set. */
export const requirementKindSchema = z.enum([
  'certification',
  'licence',
  'availability',
  'distance',
  'language',
  'experience',
]);
export type RequirementKind = z.infer<typeof requirementKindSchema>;

export const unmetRequirementSchema = z.object({
  kind: requirementKindSchema,
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
