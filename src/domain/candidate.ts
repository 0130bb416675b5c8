import * as z from 'zod';
import {
  cefrLevelSchema,
  confidenceSchema,
  isoDateSchema,
  sourceSpanSchema,
  warningSchema,
  yearMonthSchema,
} from './common.js';

export const documentFormatSchema = z.enum(['pdf', 'docx', 'doc', 'odt', 'rtf', 'txt', 'json']);
export type DocumentFormat = z.infer<typeof documentFormatSchema>;

const provenance = {
  /** Where the value was read in the document. */
  source: sourceSpanSchema.optional(),
  confidence: confidenceSchema.optional(),
};

export const occupationRefSchema = z.object({
  /** ROME v460 code, e.g. `N1101`. */
  romeCode: z.string().regex(/^[A-N]\d{4}$/),
  label: z.string(),
});
export type OccupationRef = z.infer<typeof occupationRefSchema>;

export const experienceSchema = z.object({
  title: z.string(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  start: yearMonthSchema.nullable(),
  end: yearMonthSchema.nullable(),
  current: z.boolean(),
  description: z.string(),
  occupation: occupationRefSchema.nullable(),
  ...provenance,
});
export type Experience = z.infer<typeof experienceSchema>;

export const educationSchema = z.object({
  degree: z.string(),
  institution: z.string().nullable(),
  year: z.number().int().min(1950).max(2100).nullable(),
  ...provenance,
});
export type Education = z.infer<typeof educationSchema>;

export const skillSchema = z.object({
  /** As written in the CV. */
  name: z.string(),
  /** Canonical label or code from the taxonomy, when known. */
  normalized: z.string().optional(),
  ...provenance,
});
export type Skill = z.infer<typeof skillSchema>;

export const certificationSchema = z.object({
  /** Canonical code, e.g. `CACES_R489_3`, `HAB_ELEC_B1V`, `SST`, `FIMO_MARCHANDISES`. */
  code: z.string(),
  /** As written in the CV. */
  label: z.string(),
  validUntil: isoDateSchema.nullish(),
  ...provenance,
});
export type Certification = z.infer<typeof certificationSchema>;

export const languageSchema = z.object({
  name: z.string(),
  level: cefrLevelSchema.nullable(),
  ...provenance,
});
export type Language = z.infer<typeof languageSchema>;

export const locationSchema = z.object({
  city: z.string().nullable(),
  postalCode: z.string().nullable(),
  /** ISO 3166-1 alpha-2, e.g. `FR`. */
  country: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
});
export type Location = z.infer<typeof locationSchema>;

export const availabilitySchema = z.object({
  from: isoDateSchema.nullable(),
  immediate: z.boolean(),
});
export type Availability = z.infer<typeof availabilitySchema>;

export const mobilitySchema = z.object({
  maxDistanceKm: z.number().nonnegative().nullable(),
  hasVehicle: z.boolean().nullable(),
});
export type Mobility = z.infer<typeof mobilitySchema>;

/**
 * Data a CV may show but that must never be used for matching (Code du travail L1132-1).
 * Kept apart so nothing in `matching/` can read it by accident; parsers may leave it empty.
 */
export const sensitiveDataSchema = z.object({
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  nationality: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  hasPhoto: z.boolean().nullable(),
});
export type SensitiveData = z.infer<typeof sensitiveDataSchema>;

/** Names of the profile fields that carry a per-field confidence and source. */
export const profileFieldSchema = z.enum([
  'name',
  'email',
  'phone',
  'location',
  'headline',
  'experiences',
  'education',
  'skills',
  'certifications',
  'drivingLicences',
  'languages',
  'availability',
  'mobility',
]);
export type ProfileField = z.infer<typeof profileFieldSchema>;

export const candidateProfileSchema = z.object({
  /** Stable id derived from a hash of the document's content (`cv_` + 16 hex chars). */
  id: z.string().min(1),
  source: z.object({
    file: z.string().nullable(),
    format: documentFormatSchema,
    pages: z.number().int().nonnegative(),
    /** Main language of the document: `fr` or `en` (ISO 639-1). */
    language: z.string(),
  }),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164, e.g. `+33612345678`. */
  phone: z.string().nullable(),
  location: locationSchema.nullable(),
  headline: z.string().nullable(),
  experiences: z.array(experienceSchema),
  education: z.array(educationSchema),
  skills: z.array(skillSchema),
  certifications: z.array(certificationSchema),
  /** Canonical licence categories: `AM`, `A1`, `A2`, `A`, `B`, `BE`, `C1`, `C`, `CE`, `D1`, `D`, `DE`. */
  drivingLicences: z.array(z.string()),
  languages: z.array(languageSchema),
  availability: availabilitySchema.nullable(),
  mobility: mobilitySchema.nullable(),
  totalExperienceMonths: z.number().int().nonnegative(),
  warnings: z.array(warningSchema),
  /** Per-field confidence, 0–1. A field absent from this map was not found. */
  confidence: z.partialRecord(profileFieldSchema, confidenceSchema),
  /** Per-field source span for scalar fields (list items carry their own `source`). */
  sources: z.partialRecord(profileFieldSchema, sourceSpanSchema),
  /** The document's text in reading order; every `source` span indexes into it. */
  text: z.string(),
  /** Never read by matching. See `sensitiveDataSchema`. */
  sensitive: sensitiveDataSchema.nullable(),
});
export type CandidateProfile = z.infer<typeof candidateProfileSchema>;
