import { ValidationError, type ValidationIssue } from '../errors.js';
import { isTrecQrels, readTrecQrels } from './trec.js';

/** Relevance judgements: job id → candidate key (CV file stem) → grade 0–3. */
export type Qrels = Map<string, Map<string, number>>;

/**
 * Parses TREC-like judgements, one per line: `job_id<TAB>candidate<TAB>grade` where `candidate` is the
 * CV file stem (`cariste-lyon-01`) and `grade` an integer 0–3. Blank lines and lines starting with `#`
 * are skipped; so is a first line `job_id<TAB>candidate<TAB>grade`. Any other malformed line, grade
 * out of range or pair judged twice makes a `ValidationError` listing every problem (with line numbers).
 * TREC qrels (`qid iter docno rel`, whitespace-separated) are recognised by their first line and read by
 * `readTrecQrels`; `format` forces one reading.
 */
export function readQrels(tsv: string, options: { format?: 'auto' | 'tsv' | 'trec' } = {}): Qrels {
  const format = options.format ?? 'auto';
  if (format === 'trec' || (format === 'auto' && isTrecQrels(tsv))) return readTrecQrels(tsv);
  const qrels: Qrels = new Map();
  const issues: ValidationIssue[] = [];
  tsv.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const fields = line.split('\t').map((field) => field.trim());
    if (lineNumber === 1 && fields[0] === 'job_id') return;
    if (fields.length !== 3 || fields.some((field) => field === '')) {
      issues.push({
        path: [lineNumber],
        message: `expected job_id<TAB>candidate<TAB>grade, got ${JSON.stringify(raw)}`,
      });
      return;
    }
    const [jobId, candidate, gradeText] = fields as [string, string, string];
    const grade = Number(gradeText);
    if (!/^\d+$/.test(gradeText) || grade > 3) {
      issues.push({
        path: [lineNumber],
        message: `grade must be an integer 0–3, got ${JSON.stringify(gradeText)}`,
      });
      return;
    }
    let judgements = qrels.get(jobId);
    if (!judgements) {
      judgements = new Map();
      qrels.set(jobId, judgements);
    }
    if (judgements.has(candidate)) {
      issues.push({ path: [lineNumber], message: `${jobId} × ${candidate} is judged twice` });
      return;
    }
    judgements.set(candidate, grade);
  });
  if (issues.length > 0) {
    throw new ValidationError(
      `invalid relevance judgements (${issues.length} problem(s)): ${issues[0]?.message}`,
      {
        issues,
      },
    );
  }
  return qrels;
}
