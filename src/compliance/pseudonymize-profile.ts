import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { CandidateProfile } from '../domain/index.js';
import { type LanguageCode, type MessageKey, type MessageValues, message } from '../locale/index.js';
import { foldAccents } from '../text/normalize.js';
import { type Identifiers, pseudonymizeText, type RedactionKind } from './redact-text.js';

export interface PseudonymizeOptions {
  /** Neutral id shown to the model; default `candidate-` + 8 hex chars of a hash of the profile id. */
  alias?: string;
  /** Distance from the candidate's home to the job site, computed by rules; the model gets only this number. */
  distanceToSiteKm?: number | null;
  /** Labels of the rendered text. Default: the profile's language when `en`, else `fr`. */
  language?: LanguageCode;
  /** Include the (redacted) CV text after the structured fields. Default true. */
  includeCvText?: boolean;
  /** Longest CV text kept, in characters (default 6,000); longer texts are cut and marked. */
  maxCvTextChars?: number;
}

export const pseudonymizedFieldsSchema = z.object({
  headline: z.string().nullable(),
  experiences: z.array(
    z.object({
      title: z.string(),
      company: z.string().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      current: z.boolean(),
      description: z.string(),
      romeCode: z.string().nullable(),
    }),
  ),
  /** Degrees only: institution and year are left out (origin and age proxies). */
  education: z.array(z.string()),
  skills: z.array(z.string()),
  certifications: z.array(
    z.object({ code: z.string(), label: z.string(), validUntil: z.string().nullable() }),
  ),
  drivingLicences: z.array(z.string()),
  languages: z.array(z.object({ name: z.string(), level: z.string().nullable() })),
  availability: z.object({ immediate: z.boolean(), from: z.string().nullable() }).nullable(),
  /** Stated radius and vehicle; never the home address or city (place of residence is a protected criterion). */
  mobility: z.object({ maxDistanceKm: z.number().nullable(), hasVehicle: z.boolean().nullable() }).nullable(),
  distanceToSiteKm: z.number().nullable(),
  totalExperienceMonths: z.number(),
  /** The CV text with personal data removed (possibly cut), or null when not included. */
  cvText: z.string().nullable(),
});
export type PseudonymizedFields = z.infer<typeof pseudonymizedFieldsSchema>;

/** A profile as a model may see it: a neutral alias, structured fields and a text, without identity. */
export interface PseudonymizedProfile {
  alias: string;
  text: string;
  fields: PseudonymizedFields;
  /** Spans removed, by kind (for the audit log; never the values). */
  redactions: Partial<Record<RedactionKind, number>>;
}

const DEFAULT_MAX_CV_TEXT_CHARS = 6_000;

/** Default alias: stable for a profile id, meaningless to a reader. */
export function aliasFor(profileId: string): string {
  return `candidate-${createHash('sha256').update(profileId).digest('hex').slice(0, 8)}`;
}

/** Everything in a profile that identifies the person, for `pseudonymizeText`. */
export function profileIdentifiers(profile: CandidateProfile): Identifiers {
  const sensitive = profile.sensitive;
  // Pieces of the email's local part that are not already parts of the name ("jdupont", "kiki93").
  const fold = (text: string) => foldAccents(text).toLowerCase();
  const nameParts = new Set((profile.name ?? '').split(/[\s\-'’.]+/).map(fold));
  const emailTokens = (profile.email?.split('@')[0] ?? '')
    .split(/[._\-+]+/)
    .filter((part) => /^\p{L}{3,}$/u.test(part) && !nameParts.has(fold(part)));
  return {
    names: [profile.name, ...emailTokens],
    emails: [profile.email],
    phones: [profile.phone],
    places: [profile.location?.city],
    other: [sensitive?.birthDate, sensitive?.nationality, sensitive?.maritalStatus],
  };
}

/**
 * Builds what an LLM may see of a candidate: a neutral alias, the job-relevant fields (experiences, skills,
 * certifications, licences, languages, availability, mobility radius, a distance computed by rules) and the
 * CV text, with name parts, email, phone, street address, place of residence, birth date/age, nationality,
 * family status, photo, civility, gender markers, health and union mentions removed everywhere (see
 * `pseudonymizeText`). Education keeps degrees only (no school, no year). Pure and deterministic.
 */
export function pseudonymizeProfile(
  profile: CandidateProfile,
  options: PseudonymizeOptions = {},
): PseudonymizedProfile {
  const alias = options.alias ?? aliasFor(profile.id);
  const language = options.language ?? (profile.source.language === 'en' ? 'en' : 'fr');
  const identifiers = profileIdentifiers(profile);
  const redactions: Partial<Record<RedactionKind, number>> = {};
  const clean = (value: string): string => {
    const result = pseudonymizeText(value, identifiers, { language });
    for (const [kind, count] of Object.entries(result.counts) as [RedactionKind, number][]) {
      redactions[kind] = (redactions[kind] ?? 0) + count;
    }
    return result.text;
  };
  const cleanOrNull = (value: string | null): string | null => (value === null ? null : clean(value));

  let cvText: string | null = null;
  if (options.includeCvText ?? true) {
    const max = options.maxCvTextChars ?? DEFAULT_MAX_CV_TEXT_CHARS;
    const redacted = clean(profile.text).trim();
    cvText =
      redacted.length > max ? `${redacted.slice(0, max)}\n${message(language, 'profile.cut')}` : redacted;
  }

  const fields: PseudonymizedFields = {
    headline: cleanOrNull(profile.headline),
    experiences: profile.experiences.map((experience) => ({
      title: clean(experience.title),
      company: cleanOrNull(experience.company),
      start: experience.start,
      end: experience.end,
      current: experience.current,
      description: clean(experience.description),
      romeCode: experience.occupation?.romeCode ?? null,
    })),
    education: profile.education.map((education) => clean(education.degree)),
    skills: profile.skills.map((skill) => clean(skill.normalized ?? skill.name)),
    certifications: profile.certifications.map((certification) => ({
      code: certification.code,
      label: clean(certification.label),
      validUntil: certification.validUntil ?? null,
    })),
    drivingLicences: [...profile.drivingLicences],
    languages: profile.languages.map((entry) => ({ name: entry.name, level: entry.level })),
    availability: profile.availability
      ? { immediate: profile.availability.immediate, from: profile.availability.from }
      : null,
    mobility: profile.mobility
      ? { maxDistanceKm: profile.mobility.maxDistanceKm, hasVehicle: profile.mobility.hasVehicle }
      : null,
    distanceToSiteKm: options.distanceToSiteKm ?? null,
    totalExperienceMonths: profile.totalExperienceMonths,
    cvText,
  };
  return { alias, text: renderFields(alias, fields, language), fields, redactions };
}

function renderFields(alias: string, fields: PseudonymizedFields, language: LanguageCode): string {
  const say = (key: MessageKey, values?: MessageValues) => message(language, key, values);
  const none = say('profile.none');
  const lines: string[] = [`${say('profile.candidate')}: ${alias}`];
  if (fields.headline) lines.push(`${say('profile.headline')}: ${fields.headline}`);
  const availability = fields.availability
    ? fields.availability.immediate
      ? say('profile.immediate')
      : fields.availability.from
        ? say('profile.from', { date: fields.availability.from })
        : none
    : none;
  lines.push(`${say('profile.availability')}: ${availability}`);
  const mobility = [
    fields.mobility?.maxDistanceKm != null
      ? say('profile.radius', { km: fields.mobility.maxDistanceKm })
      : null,
    fields.mobility?.hasVehicle != null
      ? say('profile.vehicle', { vehicle: fields.mobility.hasVehicle ? 'yes' : 'no' })
      : null,
  ].filter((part) => part !== null);
  lines.push(`${say('profile.mobility')}: ${mobility.length > 0 ? mobility.join(', ') : none}`);
  if (fields.distanceToSiteKm !== null)
    lines.push(`${say('profile.distance')}: ${Math.round(fields.distanceToSiteKm)} km`);
  lines.push(`${say('profile.licences')}: ${fields.drivingLicences.join(', ') || none}`);
  const certifications = fields.certifications.map(
    (certification) =>
      `${certification.label} (${certification.code}${certification.validUntil ? `, ${say('profile.validUntil', { date: certification.validUntil })}` : ''})`,
  );
  lines.push(`${say('profile.certifications')}: ${certifications.join('; ') || none}`);
  lines.push(`${say('profile.skills')}: ${fields.skills.join(', ') || none}`);
  const languages = fields.languages.map((entry) =>
    entry.level ? `${entry.name} (${entry.level})` : entry.name,
  );
  lines.push(`${say('profile.languages')}: ${languages.join(', ') || none}`);
  lines.push(`${say('profile.total')}: ${say('profile.months', { count: fields.totalExperienceMonths })}`);
  // A description the CV text below already holds is not repeated: each piece of experience text is sent
  // (and paid for) once. One the CV text lost (cut at maxCvTextChars) stays with its experience.
  const cvTextWords = fields.cvText?.replace(/\s+/g, ' ') ?? '';
  if (fields.experiences.length > 0) {
    lines.push(`${say('profile.experiences')}:`);
    for (const experience of fields.experiences) {
      const period = `${experience.start ?? '?'} → ${experience.current ? say('profile.current') : (experience.end ?? '?')}`;
      const company = experience.company ? `, ${experience.company}` : '';
      const full = experience.description.replace(/\s+/g, ' ').trim();
      const description = full && cvTextWords.includes(full) ? '' : full;
      lines.push(`* ${period}: ${experience.title}${company}${description ? `. ${description}` : ''}`);
    }
  }
  if (fields.education.length > 0) lines.push(`${say('profile.education')}: ${fields.education.join('; ')}`);
  if (fields.cvText) lines.push('', `${say('profile.cvText')}:`, fields.cvText);
  return lines.join('\n');
}
