import type { ConfigEvaluation, ExperimentResult } from './experiment.js';
import type { Qrels } from './qrels.js';
import type { Run } from './trec.js';

/**
 * The rankings of one configuration as a TREC run (job → candidates best first). A custom ranker's
 * entries have no score: they get `depth - rank + 1`, which keeps the order.
 */
export function experimentRun(config: ConfigEvaluation): Run {
  const run: Run = new Map();
  for (const job of config.perJob) {
    run.set(
      job.jobId,
      job.ranking.map((entry, index) => ({
        candidate: entry.candidate,
        score: entry.score ?? job.ranking.length - index,
      })),
    );
  }
  return run;
}

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: (string | number | null | undefined)[][]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** One row per configuration × job (and an `OVERALL` row per configuration): judged, relevant, every metric. */
export function perJobCsv(result: ExperimentResult): string {
  const rows: (string | number | null)[][] = [
    ['config', 'job_id', 'judged', 'relevant', ...result.metricNames],
  ];
  for (const config of result.configs) {
    for (const job of config.perJob) {
      rows.push([
        config.name,
        job.jobId,
        job.judged,
        job.relevant,
        ...result.metricNames.map((name) => job.metrics[name] ?? null),
      ]);
    }
    rows.push([
      config.name,
      'OVERALL',
      null,
      null,
      ...result.metricNames.map((name) => config.overall[name] ?? null),
    ]);
  }
  return csv(rows);
}

/**
 * One row per configuration × job × ranked candidate: rank, score, the judgement's grade (empty when not
 * judged) and the points each criterion added (one column per criterion seen).
 */
export function perCandidateCsv(result: ExperimentResult, qrels: Qrels): string {
  const criteria = new Set<string>();
  for (const config of result.configs)
    for (const job of config.perJob)
      for (const entry of job.ranking)
        for (const name of Object.keys(entry.contributions ?? {})) criteria.add(name);
  const columns = [...criteria];
  const rows: (string | number | null)[][] = [
    ['config', 'job_id', 'rank', 'candidate', 'score', 'grade', ...columns.map((name) => `points_${name}`)],
  ];
  for (const config of result.configs) {
    for (const job of config.perJob) {
      job.ranking.forEach((entry, index) => {
        rows.push([
          config.name,
          job.jobId,
          index + 1,
          entry.candidate,
          entry.score,
          qrels.get(job.jobId)?.get(entry.candidate) ?? null,
          ...columns.map((name) => entry.contributions?.[name] ?? null),
        ]);
      });
    }
  }
  return csv(rows);
}
