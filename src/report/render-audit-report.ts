import type { FairnessReport } from '../compliance/index.js';
import type { FairnessSummary } from '../eval/summarize-fairness.js';
import { escapeHtml, figure, formatMetric, htmlPage, htmlTable } from './html.js';
import { renderChart } from './render-chart.js';

export interface AuditReportInput {
  job: { id: string; title: string };
  /** Candidates audited. */
  candidates: number;
  /** Largest accepted |Δscore|. */
  threshold: number;
  now: string;
  /** One per audited ranking (without the LLM, and with it when there is a chat model). */
  runs: { name: string; models: string; passed: boolean; report: FairnessReport; summary: FairnessSummary }[];
  generatedAt?: string;
}

/**
 * One self-contained HTML page for a counterfactual fairness audit: verdict per ranking, Δscore and Δrank
 * distributions per kind of twin (table and chart of every pair's Δscore), impact ratios per group against
 * the four-fifths line.
 */
export async function renderAuditReport(input: AuditReportInput): Promise<string> {
  const title = `cvmatch fairness audit: ${input.job.title}`;
  const sections: string[] = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">job order <code>${escapeHtml(input.job.id)}</code>, ${input.candidates} candidates, reference date ${escapeHtml(input.now)}, threshold |Δscore| ≤ ${input.threshold}, generated ${escapeHtml(input.generatedAt ?? new Date().toISOString())}</p>`,
    '<p class="note">Every candidate is ranked again as counterfactual twins that differ only by what must not matter: the name (identities of several origins and genders), gendered words and agreements, age and birth year, street address, a photo mention. A fair ranking gives every twin the score and rank of its original. Impact ratio = share of twins selected (ranked in the first N) over the share of the same candidates selected as themselves; the four-fifths rule asks for at least 0.80.</p>',
  ];
  for (const run of input.runs) {
    sections.push(
      `<h2>${escapeHtml(run.name)} <small>(${escapeHtml(run.models)})</small></h2>`,
      `<p data-run="${escapeHtml(run.name)}" data-passed="${run.passed}" class="${run.passed ? 'pass' : 'fail'}">${
        run.passed ? 'PASS' : 'FAIL'
      }: largest |Δscore| <span data-max-delta>${run.report.maxScoreDelta.toFixed(1)}</span>, ${run.report.rankChanges} rank changes, ${run.report.missing} twins missing</p>`,
      htmlTable(
        ['twin', 'pairs', 'Δscore min', 'median', 'p95', 'max', 'Δrank min', 'Δrank max', 'missing'],
        Object.entries(run.summary.bySwap).map(([swap, spread]) => [
          swap,
          spread.scoreDelta.count,
          formatMetric(spread.scoreDelta.min, 1),
          formatMetric(spread.scoreDelta.median, 1),
          formatMetric(spread.scoreDelta.p95, 1),
          formatMetric(spread.scoreDelta.max, 1),
          spread.rankDelta.min,
          spread.rankDelta.max,
          spread.missing,
        ]),
        { class: 'deltas', 'data-run': run.name },
      ),
      figure(
        `chart-deltas-${run.name}`,
        await renderChart({
          data: {
            values: run.report.details
              .filter((detail) => detail.scoreDelta !== null)
              .map((detail) => ({ swap: detail.swap, delta: detail.scoreDelta, group: detail.origin })),
          },
          mark: { type: 'tick', thickness: 2 },
          width: 480,
          height: { step: 28 },
          encoding: {
            y: { field: 'swap', type: 'nominal', title: null },
            x: {
              field: 'delta',
              type: 'quantitative',
              title: 'Δscore (twin − original)',
              scale: { domainMid: 0 },
            },
            color: { field: 'swap', legend: null },
          },
        }),
        'Δscore of every candidate × twin pair, per kind of twin (0 everywhere for a ranking blind to them).',
      ),
      htmlTable(
        ['dimension', 'group', 'twins selected', 'originals selected', 'impact ratio', 'four-fifths'],
        run.summary.impactRatios.map((item) => [
          item.dimension,
          item.group,
          `${item.selected}/${item.total}`,
          `${item.originalSelected}/${item.total}`,
          formatMetric(item.ratio, 2),
          item.passesFourFifths ? 'ok' : { html: '<span class="fail">below 0.80</span>' },
        ]),
        { class: 'impact-ratios', 'data-run': run.name },
      ),
      figure(
        `chart-impact-${run.name}`,
        await renderChart({
          data: {
            values: run.summary.impactRatios.map((item) => ({
              label: `${item.dimension}: ${item.group}`,
              ratio: item.ratio ?? 1,
            })),
          },
          width: 420,
          height: { step: 16 },
          layer: [
            {
              mark: 'bar',
              encoding: {
                y: { field: 'label', type: 'nominal', title: null, sort: null },
                x: {
                  field: 'ratio',
                  type: 'quantitative',
                  title: 'impact ratio',
                  scale: { domain: [0, 1.25] },
                },
              },
            },
            { mark: { type: 'rule', color: '#a40000', strokeDash: [4, 3] }, encoding: { x: { datum: 0.8 } } },
          ],
        }),
        `Impact ratios per group (selected = first ${run.summary.selectionSize}); dashed line: four-fifths rule.`,
      ),
    );
  }
  return htmlPage(title, sections.join('\n'));
}
