import type { CandidateProfile } from '../domain/index.js';
import { DocumentError } from '../errors.js';
import type { ExtractedDocument } from './extract/types.js';

/** Whether `text` parses as JSON. The parse error itself is the answer, not a failure to report. */
function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

/** A JSON document or JSON lines (`package.json`, `profiles.jsonl`…): data, not a CV. */
export function isJsonText(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed) || !/[\]}]$/.test(trimmed)) return false;
  if (parsesAsJson(trimmed)) return true;
  const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 1 && lines.every((line) => /^\s*[[{]/.test(line) && parsesAsJson(line));
}

/**
 * True when the profile holds nothing that says who the person is or what work they did: no name, contact
 * detail, headline, experience, education, certificate or licence. Skills alone do not count: any text has
 * words that match a skill by chance (`const` in source code reads as « prise des constantes »).
 */
function hasNoCvContent(profile: CandidateProfile): boolean {
  return (
    profile.name === null &&
    profile.email === null &&
    profile.phone === null &&
    profile.headline === null &&
    profile.experiences.length === 0 &&
    profile.education.length === 0 &&
    profile.certifications.length === 0 &&
    profile.drivingLicences.length === 0
  );
}

/**
 * Refuses a readable document that is not a CV with `DocumentError('unsupported')`: a text file holding JSON
 * (`cvmatch parse package.json` gave a profile named "?"). Runs before the profile is read.
 */
export function rejectDataFile(document: ExtractedDocument, file: string | null): void {
  if (document.format === 'txt' && isJsonText(document.text)) {
    throw new DocumentError(
      'unsupported',
      'The file is JSON, not a CV (candidate profiles are read from .jsonl files by `match`, `eval` and `index build`).',
      { file },
    );
  }
}

/**
 * Refuses with `DocumentError('unsupported')` a document in which nothing a CV holds was found: no name,
 * contact detail, headline, experience, education, certificate or licence (source code, a data export…).
 */
export function rejectEmptyProfile(profile: CandidateProfile, file: string | null): void {
  if (hasNoCvContent(profile)) {
    throw new DocumentError(
      'unsupported',
      'No CV content found: no name, contact detail, headline, experience, education, certificate or licence.',
      { file },
    );
  }
}
