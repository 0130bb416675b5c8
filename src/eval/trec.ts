import { ValidationError, type ValidationIssue } from '../errors.js';
import type { Qrels } from './qrels.js';

/** One ranked candidate of a TREC run: key (CV file stem) and score (higher is better). */
export interface RunEntry {
  candidate: string;
  score: number;
}

/** A ranking per job, best first: job id → entries. */
export type Run = Map<string, RunEntry[]>;

const WHITESPACE = /\s+/;

function fail(kind: string, issues: ValidationIssue[]): never {
  throw new ValidationError(`invalid ${kind} (${issues.length} problem(s)): ${issues[0]?.message}`, {
    issues,
  });
}

/**
 * Parses TREC qrels as `trec_eval` reads them: `qid iter docno rel` separated by any whitespace, the
 * second column ignored. Grades must be integers 0–3 (cvmatch's scale). Blank lines and `#` comments are
 * skipped. Every malformed line or pair judged twice is listed in a `ValidationError`.
 */
export function readTrecQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  const issues: ValidationIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split(WHITESPACE);
    if (fields.length !== 4) {
      issues.push({
        path: [index + 1],
        message: `expected "qid iter docno rel", got ${JSON.stringify(raw)}`,
      });
      return;
    }
    const [jobId, , candidate, gradeText] = fields as [string, string, string, string];
    if (!/^\d+$/.test(gradeText) || Number(gradeText) > 3) {
      issues.push({
        path: [index + 1],
        message: `grade must be an integer 0–3, got ${JSON.stringify(gradeText)}`,
      });
      return;
    }
    const judgements = qrels.get(jobId) ?? new Map<string, number>();
    qrels.set(jobId, judgements);
    if (judgements.has(candidate)) {
      issues.push({ path: [index + 1], message: `${jobId} × ${candidate} is judged twice` });
      return;
    }
    judgements.set(candidate, Number(gradeText));
  });
  if (issues.length > 0) fail('TREC qrels', issues);
  return qrels;
}

function checkToken(value: string, what: string): void {
  if (value === '' || WHITESPACE.test(value))
    throw new ValidationError(`${what} cannot be written to a TREC file: ${JSON.stringify(value)}`, {
      issues: [{ path: [what], message: 'empty or contains whitespace' }],
    });
}

/** TREC qrels text (`qid 0 docno rel`), jobs and candidates in map order. */
export function writeTrecQrels(qrels: Qrels): string {
  const lines: string[] = [];
  for (const [jobId, judgements] of qrels) {
    checkToken(jobId, 'job id');
    for (const [candidate, grade] of judgements) {
      checkToken(candidate, 'candidate');
      lines.push(`${jobId} 0 ${candidate} ${grade}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** cvmatch's own judgement format: `job_id<TAB>candidate<TAB>grade` with a header line. */
export function writeQrelsTsv(qrels: Qrels): string {
  const lines = ['job_id\tcandidate\tgrade'];
  for (const [jobId, judgements] of qrels)
    for (const [candidate, grade] of judgements) lines.push(`${jobId}\t${candidate}\t${grade}`);
  return `${lines.join('\n')}\n`;
}

/** Score step used to keep a run's order when two candidates share a score (scores are rounded to 0.1). */
const TIE_STEP = 1e-4;

/**
 * TREC run text: `qid Q0 docno rank score tag`. `trec_eval` ignores the rank column and sorts by score
 * (ties by docno, descending), so tied scores are lowered by 0.0001 steps, keeping the order given here
 * once the file is read back by `trec_eval`, `ranx` or `readTrecRun`.
 */
export function writeTrecRun(run: Run, tag = 'cvmatch'): string {
  checkToken(tag, 'run tag');
  const lines: string[] = [];
  for (const [jobId, entries] of run) {
    checkToken(jobId, 'job id');
    const seen = new Set<string>();
    let previous = Number.POSITIVE_INFINITY;
    entries.forEach((entry, index) => {
      checkToken(entry.candidate, 'candidate');
      if (seen.has(entry.candidate))
        throw new ValidationError(`${jobId}: ${entry.candidate} is ranked twice`, {
          issues: [{ path: [jobId, entry.candidate], message: 'ranked twice' }],
        });
      seen.add(entry.candidate);
      if (!Number.isFinite(entry.score))
        throw new ValidationError(`${jobId}: ${entry.candidate} has no finite score`, {
          issues: [{ path: [jobId, entry.candidate], message: 'score must be finite' }],
        });
      const score = Math.min(entry.score, previous - TIE_STEP);
      previous = score;
      lines.push(`${jobId} Q0 ${entry.candidate} ${index + 1} ${score.toFixed(4)} ${tag}`);
    });
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/**
 * Parses a TREC run as `trec_eval` does: six whitespace-separated columns `qid iter docno rank score tag`,
 * rank ignored, each job's entries sorted by score descending then docno descending (its tie rule). A
 * document ranked twice for a job, a bad score or a wrong column count is an error.
 */
export function readTrecRun(text: string): Run {
  const run: Run = new Map();
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, Set<string>>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const fields = line.split(WHITESPACE);
    if (fields.length !== 6) {
      issues.push({
        path: [index + 1],
        message: `expected "qid iter docno rank score tag", got ${JSON.stringify(raw)}`,
      });
      return;
    }
    const [jobId, , candidate, , scoreText] = fields as [string, string, string, string, string];
    const score = Number(scoreText);
    if (!Number.isFinite(score)) {
      issues.push({ path: [index + 1], message: `score must be a number, got ${JSON.stringify(scoreText)}` });
      return;
    }
    const docs = seen.get(jobId) ?? new Set<string>();
    seen.set(jobId, docs);
    if (docs.has(candidate)) {
      issues.push({ path: [index + 1], message: `${jobId}: ${candidate} is ranked twice` });
      return;
    }
    docs.add(candidate);
    const entries = run.get(jobId) ?? [];
    run.set(jobId, entries);
    entries.push({ candidate, score });
  });
  if (issues.length > 0) fail('TREC run', issues);
  for (const entries of run.values())
    entries.sort((a, b) =>
      b.score !== a.score
        ? b.score - a.score
        : a.candidate < b.candidate
          ? 1
          : a.candidate > b.candidate
            ? -1
            : 0,
    );
  return run;
}

/** Whether judgement text is TREC qrels (4 whitespace columns) rather than cvmatch's TSV (3 tab columns). */
export function isTrecQrels(text: string): boolean {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return line.split('\t').length !== 3 && line.split(WHITESPACE).length === 4;
  }
  return false;
}
