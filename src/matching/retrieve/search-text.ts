import type { CandidateProfile } from '../../domain/candidate.js';
import type { JobOrder } from '../../domain/job-order.js';
import { foldAccents, neutralizeGenderWords } from '../../text/index.js';
import { identityWords } from '../features/identity-free-text.js';

/** `CACES_R489_3` → `CACES R489 3`, so codes and labels share terms. */
function codeWords(code: string): string {
  return code.replace(/[_-]+/g, ' ').trim();
}

function joinLines(parts: (string | null | undefined)[]): string {
  return parts
    .map((part) => part?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((part) => part.length > 0)
    .join('\n');
}

/**
 * The text embedded and indexed for a candidate, built from structured fields only: headline,
 * experience titles, occupations and descriptions, skills, certifications (code and label), driving
 * licences, education degrees and languages.
 *
 * It never reads the name, email, phone, location, company names, the raw CV text or `sensitive`
 * (this text may be sent to an external embedding API), and gendered words are folded
 * (`neutralizeGenderWords`), so "serveuse" and "serveur" embed alike. Deterministic: same profile, same text.
 */
export function profileSearchText(profile: CandidateProfile): string {
  const text = joinLines([
    profile.headline,
    ...profile.experiences.flatMap((experience) => [
      experience.title,
      experience.occupation?.label,
      experience.description,
    ]),
    profile.skills.length > 0
      ? profile.skills
          .map((skill) =>
            skill.normalized && skill.normalized !== skill.name
              ? `${skill.name} (${skill.normalized})`
              : skill.name,
          )
          .join(', ')
      : null,
    ...profile.certifications.map(
      (certification) => `${codeWords(certification.code)} ${certification.label}`,
    ),
    profile.drivingLicences.length > 0 ? `permis ${profile.drivingLicences.join(' ')}` : null,
    ...profile.education.map((education) => education.degree),
    profile.languages.length > 0 ? profile.languages.map((language) => language.name).join(', ') : null,
  ]);
  // Words of the person's name (or of a job title misread as one) are left out, as in every matched field.
  const identity = identityWords(profile);
  const anonymous = text.replace(/[\p{L}\p{N}]+/gu, (word) =>
    identity.has(foldAccents(word).toLowerCase()) ? '' : word,
  );
  return neutralizeGenderWords(anonymous, profile.source.language === 'en' ? 'en' : 'fr');
}

/**
 * The text embedded and used as the BM25 query for a job order: title, description, required and
 * preferred skills, required certifications (as words) and licences, languages. The site location is
 * left out (distance is a requirement, scored elsewhere).
 */
export function jobSearchText(job: JobOrder): string {
  return joinLines([
    job.title,
    job.description,
    job.requiredSkills.join(', '),
    job.preferredSkills.join(', '),
    job.requiredCertifications.map(codeWords).join(', '),
    job.requiredLicences.length > 0 ? `permis ${job.requiredLicences.join(' ')}` : null,
    job.languages.map((language) => language.name).join(', '),
  ]);
}
