import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type CandidateProfile, candidateProfileSchema } from '../domain/candidate.js';
import { type ParseCvsOptions, parseCvs } from './parse-cv.js';

/** CV formats read from a folder. */
export const CV_EXTENSIONS = new Set(['.pdf', '.docx', '.doc', '.odt', '.rtf', '.txt']);

/** An input that could not be used, reported instead of stopping the batch. */
export interface InputFailure {
  /** File (with `:line` for JSONL). */
  file: string;
  reason: string;
  message: string;
}

export interface CandidateDataset {
  /** In input order (folders sorted by file name); the first of two profiles with the same id is kept. */
  profiles: CandidateProfile[];
  /** In input order too. */
  failures: InputFailure[];
}

/**
 * Reads candidate profiles from CV files, folders of CVs (parsed with `parseCvs`; `*.expected.json`
 * and other files are ignored) and `.jsonl` files (one `CandidateProfile` per line, validated).
 * Unreadable documents and invalid lines become `failures`; a path that does not exist throws.
 */
export async function readCandidateDataset(
  paths: string[],
  options: Omit<ParseCvsOptions, 'onError'> = {},
): Promise<CandidateDataset> {
  // One part per path, in argument order: the profiles of a .jsonl file, or CV files parsed below in one batch.
  const parts: ({ cvFiles: string[] } | CandidateDataset)[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      parts.push({
        cvFiles: names
          .filter((name) => CV_EXTENSIONS.has(extname(name).toLowerCase()))
          .map((name) => join(path, name)),
      });
    } else if (extname(path).toLowerCase() === '.jsonl') {
      const failures: InputFailure[] = [];
      parts.push({ profiles: await readProfilesJsonl(path, failures), failures });
    } else {
      parts.push({ cvFiles: [path] });
    }
  }
  const cvFiles = parts.flatMap((part) => ('cvFiles' in part ? part.cvFiles : []));
  const parsed = cvFiles.length > 0 ? await parseCvs(cvFiles, { ...options, onError: 'collect' }) : [];
  const profiles: CandidateProfile[] = [];
  const failures: InputFailure[] = [];
  let next = 0;
  for (const part of parts) {
    if (!('cvFiles' in part)) {
      profiles.push(...part.profiles);
      failures.push(...part.failures);
      continue;
    }
    for (const item of parsed.slice(next, next + part.cvFiles.length)) {
      if ('profile' in item) profiles.push(item.profile);
      else failures.push({ file: item.file, reason: item.error.reason, message: item.error.message });
    }
    next += part.cvFiles.length;
  }
  const seen = new Set<string>();
  return { profiles: profiles.filter((profile) => !seen.has(profile.id) && seen.add(profile.id)), failures };
}

/** Reads one `CandidateProfile` per line; blank lines skipped, bad lines reported in `failures`. */
export async function readProfilesJsonl(file: string, failures: InputFailure[]): Promise<CandidateProfile[]> {
  const profiles: CandidateProfile[] = [];
  const lines = (await readFile(file, 'utf8')).split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      failures.push({ file: where, reason: 'invalid-json', message: (error as Error).message });
      continue;
    }
    const parsed = candidateProfileSchema.safeParse(value);
    if (parsed.success) profiles.push(parsed.data);
    else
      failures.push({
        file: where,
        reason: 'invalid-profile',
        message: parsed.error.issues[0]?.message ?? 'invalid',
      });
  }
  return profiles;
}
