/** Families of certifications, for grouping and explanations. */
export type CertificationFamily =
  | 'caces'
  | 'electrical'
  | 'first-aid'
  | 'transport'
  | 'hygiene'
  | 'health'
  | 'construction'
  | 'professional-title'
  | 'other';

/** One curated certification. `aliases` are phrases that name it on their own (matched accent- and case-insensitively). */
export interface CertificationEntry {
  code: string;
  label: string;
  family: CertificationFamily;
  /** Years before renewal is due; null when it does not expire. */
  validityYears: number | null;
  /** Typical length of the initial training for a novice, in days; null when not a short course. */
  trainingDays: number | null;
  aliases: string[];
}
