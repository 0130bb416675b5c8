import * as z from 'zod';

/** Where a value came from: character offsets into `CandidateProfile.text` (or the job text), plus page/line when known. */
export const sourceSpanSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
});
export type SourceSpan = z.infer<typeof sourceSpanSchema>;

/** 0 = a guess, 1 = certain. */
export const confidenceSchema = z.number().min(0).max(1);

/** `YYYY-MM`, the precision CVs give for experience dates. */
export const yearMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
/** `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

/** CEFR levels; `native` for "langue maternelle". */
export const cefrLevelSchema = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']);
export type CefrLevel = z.infer<typeof cefrLevelSchema>;

export const warningSchema = z.object({
  /** Stable, machine-readable code, e.g. `hidden-text`, `low-confidence`, `date-unparsed`. */
  code: z.string(),
  message: z.string(),
  source: sourceSpanSchema.optional(),
});
export type Warning = z.infer<typeof warningSchema>;

export const languageRequirementSchema = z.object({
  name: z.string(),
  level: cefrLevelSchema.nullable(),
});
