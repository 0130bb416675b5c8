import * as z from 'zod';

/**
 * What a recruiter may never select on nor ask about (Code du travail L1132-1, L1221-6; CNIL), grouped:
 * `origin` (origin, ethnicity, supposed race), `nationality` (only the right to work in France may be
 * asked), `sex` (sex and gender identity), `sexual-orientation`, `morals` (mœurs, private life), `age`,
 * `family` (family situation), `pregnancy`, `genetics`, `economic-vulnerability` (particular vulnerability
 * due to one's economic situation), `religion`, `union-politics` (political opinions, union or mutualist
 * activity, elected office), `appearance`, `surname`, `residence` (place of residence), `bank-details`
 * (bank domiciliation, and bank data a chat must never ask for), `health` (state of health, loss of
 * autonomy), `disability`, `language` (ability to speak a language other than French, mother tongue,
 * accent), `whistleblowing` (whistleblower status).
 */
export const protectedCriterionSchema = z.enum([
  'origin',
  'nationality',
  'sex',
  'sexual-orientation',
  'morals',
  'age',
  'family',
  'pregnancy',
  'genetics',
  'economic-vulnerability',
  'religion',
  'union-politics',
  'appearance',
  'surname',
  'residence',
  'bank-details',
  'health',
  'disability',
  'language',
  'whistleblowing',
]);
export type ProtectedCriterion = z.infer<typeof protectedCriterionSchema>;

/**
 * A job order that selects on a protected criterion ("Homme de moins de 30 ans", "nationalité française
 * exigée", "sans enfants", "non syndiqué"). Screening refuses to start on an order carrying one.
 */
export const jobOrderWarningSchema = z.object({
  code: z.literal('discriminatory-criterion'),
  criterion: protectedCriterionSchema,
  /** Where in the order: `title`, `description`, `requiredSkills.2`… */
  field: z.string(),
  /** The words that triggered it, as written in the order. */
  match: z.string(),
  /** Plain-words explanation for the recruiter. */
  message: z.string(),
});
export type JobOrderWarning = z.infer<typeof jobOrderWarningSchema>;
