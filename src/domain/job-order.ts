import * as z from 'zod';
import { isoDateSchema, languageRequirementSchema } from './common.js';
import { jobOrderWarningSchema } from './protected-criterion.js';

export const jobLocationSchema = z.object({
  city: z.string().nullable().default(null),
  postalCode: z.string().nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
});
export type JobLocation = z.infer<typeof jobLocationSchema>;

/**
 * A client's order (commande). Certifications and licences are canonical codes
 * (`CACES_R489_3`, `HAB_ELEC_B1V`; licences `C`, `CE`), as `parseJobOrder` normalises them.
 */
export const jobOrderSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  /** ROME v460 code, when known. */
  romeCode: z
    .string()
    .regex(/^[A-N]\d{4}$/)
    .nullable()
    .default(null),
  description: z.string().default(''),
  location: jobLocationSchema.nullable().default(null),
  startDate: isoDateSchema.nullable().default(null),
  endDate: isoDateSchema.nullable().default(null),
  /** Free text or a usual form: `jour`, `nuit`, `2x8`, `3x8`, `week-end`. */
  shift: z.string().nullable().default(null),
  requiredCertifications: z.array(z.string()).default([]),
  requiredLicences: z.array(z.string()).default([]),
  requiredSkills: z.array(z.string()).default([]),
  preferredSkills: z.array(z.string()).default([]),
  minExperienceMonths: z.number().int().nonnegative().default(0),
  languages: z.array(languageRequirementSchema).default([]),
  hourlyRateEur: z.number().positive().nullable().default(null),
  headcount: z.number().int().positive().default(1),
  /** Language of the order, used for explanations and messages: `fr` or `en`. */
  language: z.enum(['fr', 'en']).default('fr'),
  /**
   * Criteria the order must not select on, found by `checkJobOrder` (which `parseJobOrder` runs): screening
   * refuses an order with any. Recomputed on every parse; a value given in the input is ignored.
   */
  warnings: z.array(jobOrderWarningSchema).default([]),
});
/** A job order with every default filled in. */
export type JobOrder = z.output<typeof jobOrderSchema>;
/** What callers may pass: defaults may be omitted. */
export type JobOrderInput = z.input<typeof jobOrderSchema>;
