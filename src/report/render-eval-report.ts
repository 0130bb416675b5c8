import { createHash } from 'node:crypto';
import type { CandidateProfile } from '../domain/candidate.js';
import type { JobOrder } from '../domain/job-order.js';
import type { ConfigEvaluation, ExperimentResult } from '../eval/experiment.js';
import { RELEVANT_GRADE } from '../eval/metrics.js';
import type { Qrels } from '../eval/qrels.js';
import { bootstrapMean, comparePaired, type MeanInterval } from '../eval/statistics.js';
import { writeQrelsTsv } from '../eval/trec.js';
import { escapeHtml, figure, formatMetric, htmlPage, htmlTable } from './html.js';
import { renderChart } from './render-chart.js';

export interface EvalReportInput {
  result: ExperimentResult;
  qrels: Qrels;
  /** Each configuration's name and what it ran (provider, models, weights). */
  configs: { name: string; description: string }[];
  /** What the figures were computed on (see `dataFingerprint`). */
  fingerprint: Record<string, string>;
  /** Reference date of the run. */
  now: string;
  title?: string;
  /** When the report was made (default: now, ISO). */
  generatedAt?: string;
  /** Worst jobs shown with their top candidates (default 3). */
  worstJobs?: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Short SHA-256 fingerprints of the inputs of an evaluation: job orders (their JSON), candidate profiles
 * (their ids, which are content hashes) and judgements (as TSV), each with its count. Same data, same
 * fingerprint: two reports can be compared only when these match.
 */
export function dataFingerprint(input: {
  jobs: readonly JobOrder[];
  candidates: readonly CandidateProfile[];
  qrels: Qrels;
}): Record<string, string> {
  const judgements = [...input.qrels.values()].reduce((sum, judged) => sum + judged.size, 0);
  return {
    jobs: `${input.jobs.length} orders, sha256 ${sha256(JSON.stringify([...input.jobs].sort((a, b) => (a.id < b.id ? -1 : 1))))}`,
    candidates: `${input.candidates.length} profiles, sha256 ${sha256(
      input.candidates
        .map((profile) => profile.id)
        .sort()
        .join('\n'),
    )}`,
    qrels: `${judgements} judgements, sha256 ${sha256(writeQrelsTsv(input.qrels))}`,
  };
}

function definedValues(config: ConfigEvaluation, metric: string): number[] {
  return config.perJob
    .map((job) => job.metrics[metric])
    .filter((value): value is number => typeof value === 'number');
}

function intervalOf(config: ConfigEvaluation, metric: string): MeanInterval | null {
  const values = definedValues(config, metric);
  return values.length > 0 ? bootstrapMean(values) : null;
}

/** The per-job metric both configurations define, in job order, for a paired comparison. */
function paired(a: ConfigEvaluation, b: ConfigEvaluation, metric: string): [number[], number[]] {
  const byJob = new Map(b.perJob.map((job) => [job.jobId, job.metrics[metric]]));
  const left: number[] = [];
  const right: number[] = [];
  for (const job of a.perJob) {
    const x = job.metrics[metric];
    const y = byJob.get(job.jobId);
    if (typeof x === 'number' && typeof y === 'number') {
      left.push(x);
      right.push(y);
    }
  }
  return [left, right];
}

/**
 * One self-contained HTML page (inline CSS and SVG, no script, nothing fetched) for an evaluation:
 * configuration and data fingerprint; overall metrics with bootstrap 95% intervals over jobs; metrics per
 * job; what each criterion added to the top candidates' scores; score distributions of relevant and other
 * candidates; the worst jobs with their top candidates and why; with several configurations, each
 * compared with the first (paired bootstrap interval of the difference and a paired randomization test).
 */
export async function renderEvalReport(input: EvalReportInput): Promise<string> {
  const { result } = input;
  const primary = `ndcg@${Math.max(...result.cutoffs)}`;
  const sections: string[] = [];
  const title = input.title ?? 'cvmatch evaluation report';
  sections.push(
    `<h1>${escapeHtml(title)}</h1><p class="meta">generated ${escapeHtml(input.generatedAt ?? new Date().toISOString())}, reference date ${escapeHtml(input.now)}</p>`,
  );
  sections.push(
    '<h2>Configuration and data</h2>',
    htmlTable(
      ['configuration', 'what ran'],
      input.configs.map((config) => [config.name, config.description]),
      { id: 'configurations' },
    ),
    htmlTable(
      ['input', 'fingerprint'],
      Object.entries(input.fingerprint).map(([name, value]) => [
        name,
        { html: `<code>${escapeHtml(value)}</code>` },
      ]),
      { id: 'fingerprint' },
    ),
  );
  if (result.warnings.length > 0)
    sections.push(
      `<details class="note"><summary>${result.warnings.length} warning(s)</summary><ul>${result.warnings
        .map((warning) => `<li>${escapeHtml(warning)}</li>`)
        .join('')}</ul></details>`,
    );

  // Overall metrics with intervals.
  const overallRows: (string | number | { html: string })[][] = [];
  const overallData: Record<string, unknown>[] = [];
  for (const config of result.configs) {
    const row: (string | number | { html: string })[] = [config.name, config.perJob.length];
    for (const metric of result.metricNames) {
      const interval = intervalOf(config, metric);
      row.push({
        html: interval
          ? `<span data-config="${escapeHtml(config.name)}" data-metric="${escapeHtml(metric)}">${formatMetric(interval.mean)}</span> <small>[${formatMetric(interval.low, 3)}, ${formatMetric(interval.high, 3)}]</small>`
          : '–',
      });
      if (interval) overallData.push({ config: config.name, metric, ...interval });
    }
    overallRows.push(row);
  }
  sections.push(
    '<h2>Overall</h2>',
    '<p class="note">Mean over judged jobs, with a 95% percentile-bootstrap interval over jobs (2000 resamples, seed 42).</p>',
    htmlTable(['configuration', 'jobs', ...result.metricNames], overallRows, { id: 'overall' }),
    figure(
      'chart-overall',
      await renderChart({
        data: { values: overallData },
        width: 520,
        height: 220,
        encoding: {
          x: { field: 'metric', type: 'nominal', sort: result.metricNames, title: null },
          xOffset: { field: 'config' },
          color: { field: 'config', title: 'configuration' },
        },
        layer: [
          {
            mark: 'bar',
            encoding: {
              y: { field: 'mean', type: 'quantitative', scale: { domain: [0, 1] }, title: 'mean' },
            },
          },
          {
            mark: { type: 'rule', color: '#222' },
            encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
          },
        ],
      }),
      'Overall means with 95% bootstrap intervals.',
    ),
  );

  // Per job.
  const perJobData = result.configs.flatMap((config) =>
    config.perJob.map((job) => ({ config: config.name, job: job.jobId, value: job.metrics[primary] ?? 0 })),
  );
  sections.push(
    '<h2>Per job</h2>',
    figure(
      'chart-per-job',
      await renderChart({
        data: { values: perJobData },
        width: { step: 14 },
        height: 220,
        mark: 'bar',
        encoding: {
          x: { field: 'job', type: 'nominal', title: null, axis: { labelAngle: -40, labelLimit: 180 } },
          xOffset: { field: 'config' },
          y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: primary },
          color: { field: 'config', title: 'configuration' },
        },
      }),
      `${primary} per job.`,
    ),
    ...result.configs.map((config) =>
      htmlTable(
        ['job', 'judged', 'relevant', ...result.metricNames],
        config.perJob.map((job) => [
          job.jobId,
          job.judged,
          job.relevant,
          ...result.metricNames.map((metric) => formatMetric(job.metrics[metric])),
        ]),
        { class: 'per-job', 'data-config': config.name },
      ),
    ),
  );

  // Criterion contributions in the top k.
  const depth = Math.max(...result.cutoffs);
  const contributionData: Record<string, unknown>[] = [];
  for (const config of result.configs) {
    for (const job of config.perJob) {
      const top = job.ranking.slice(0, depth).filter((entry) => entry.contributions);
      if (top.length === 0) continue;
      const sums = new Map<string, number>();
      for (const entry of top)
        for (const [criterion, points] of Object.entries(entry.contributions ?? {}))
          sums.set(criterion, (sums.get(criterion) ?? 0) + points);
      for (const [criterion, points] of sums)
        contributionData.push({
          config: config.name,
          job: job.jobId,
          criterion,
          points: points / top.length,
        });
    }
  }
  if (contributionData.length > 0) {
    sections.push(
      '<h2>What each criterion adds</h2>',
      `<p class="note">Mean points each criterion adds to the scores of the first ${depth} candidates of every job (weight × criterion score, before requirement penalties).</p>`,
      figure(
        'chart-contributions',
        await renderChart({
          data: { values: contributionData },
          mark: 'bar',
          width: { step: 16 },
          height: 220,
          encoding: {
            x: { field: 'job', type: 'nominal', title: null, axis: { labelAngle: -40, labelLimit: 180 } },
            y: { field: 'points', type: 'quantitative', aggregate: 'sum', title: 'points (0–100)' },
            color: { field: 'criterion', title: 'criterion' },
            ...(result.configs.length > 1 ? { row: { field: 'config', title: null } } : {}),
          },
        }),
        'Per-criterion contributions to the top candidates’ scores.',
      ),
    );
  }

  // Score distributions.
  const scoreData = result.configs.flatMap((config) =>
    config.perJob.flatMap((job) =>
      job.ranking
        .filter((entry) => entry.score !== null)
        .map((entry) => ({
          config: config.name,
          score: entry.score,
          judgement:
            (input.qrels.get(job.jobId)?.get(entry.candidate) ?? 0) >= RELEVANT_GRADE ? 'relevant' : 'other',
        })),
    ),
  );
  if (scoreData.length > 0) {
    sections.push(
      '<h2>Score distributions</h2>',
      figure(
        'chart-scores',
        await renderChart({
          data: { values: scoreData },
          mark: 'bar',
          width: 480,
          height: 160,
          encoding: {
            x: {
              field: 'score',
              type: 'quantitative',
              bin: { maxbins: 20, extent: [0, 100] },
              title: 'score',
            },
            y: { aggregate: 'count', type: 'quantitative', title: 'candidates', stack: null },
            color: {
              field: 'judgement',
              title: null,
              scale: { domain: ['relevant', 'other'], range: ['#2a7d2a', '#b9b9b9'] },
            },
            opacity: { value: 0.75 },
            ...(result.configs.length > 1 ? { row: { field: 'config', title: null } } : {}),
          },
        }),
        'Scores of the ranked candidates: relevant (grade ≥ 1) against the others (unjudged or grade 0).',
      ),
    );
  }

  // Worst jobs.
  const first = result.configs[0];
  if (first) {
    const worst = [...first.perJob]
      .filter((job) => typeof job.metrics[primary] === 'number')
      .sort((a, b) => (a.metrics[primary] as number) - (b.metrics[primary] as number))
      .slice(0, input.worstJobs ?? 3);
    sections.push(`<h2>Worst jobs (${escapeHtml(first.name)}, by ${primary})</h2>`);
    for (const job of worst) {
      const judgements = input.qrels.get(job.jobId);
      sections.push(
        `<h3>${escapeHtml(job.jobId)}: ${formatMetric(job.metrics[primary])}</h3>`,
        htmlTable(
          ['rank', 'candidate', 'score', 'grade', 'why'],
          job.ranking
            .slice(0, 5)
            .map((entry, index) => [
              index + 1,
              entry.candidate,
              formatMetric(entry.score, 1),
              judgements?.has(entry.candidate) ? String(judgements.get(entry.candidate)) : 'unjudged',
              entry.summary ?? '',
            ]),
          { class: 'worst-job', 'data-job': job.jobId },
        ),
      );
    }
  }

  // Comparison of configurations.
  if (result.configs.length > 1 && first) {
    const rows: (string | number | { html: string })[][] = [];
    for (const config of result.configs.slice(1)) {
      for (const metric of result.metricNames) {
        const [a, b] = paired(first, config, metric);
        if (a.length === 0) continue;
        const { difference, pValue } = comparePaired(a, b);
        rows.push([
          `${config.name} − ${first.name}`,
          metric,
          a.length,
          {
            html: `<span data-compare="${escapeHtml(config.name)}" data-metric="${escapeHtml(metric)}">${difference.mean >= 0 ? '+' : ''}${formatMetric(difference.mean)}</span>`,
          },
          `[${formatMetric(difference.low, 3)}, ${formatMetric(difference.high, 3)}]`,
          { html: `<span${pValue < 0.05 ? ' class="pass"' : ''}>${formatMetric(pValue, 4)}</span>` },
        ]);
      }
    }
    sections.push(
      '<h2>Comparison</h2>',
      '<p class="note">Paired over the jobs both configurations score: mean difference with a 95% paired-bootstrap interval, and the two-sided p-value of a paired randomization test (10 000 sign flips). With few jobs, read intervals rather than p-values.</p>',
      htmlTable(['comparison', 'metric', 'jobs', 'mean difference', '95% interval', 'p'], rows, {
        id: 'comparison',
      }),
    );
  }
  return htmlPage(title, sections.join('\n'));
}
