import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResult, FairnessReport } from '../../src/index.js';
import { readQrels, renderAuditReport, renderEvalReport, summarizeFairness } from '../../src/index.js';

// Debian's chromium (installed by .ci/run when missing). No skip: a report nobody can open is a failure.
const CHROMIUM = process.env.CVMATCH_CHROMIUM ?? '/usr/bin/chromium';
const ARTEFACTS = resolve('test-artefacts');

const job = (
  jobId: string,
  ndcg: number,
  ranking: ExperimentResult['configs'][0]['perJob'][0]['ranking'],
) => ({
  jobId,
  judged: 2,
  relevant: 1,
  metrics: { 'ndcg@10': ndcg, map: ndcg },
  top: ranking.map((entry) => entry.candidate),
  ranking,
  durationMs: 1,
});
const entry = (candidate: string, score: number, summary: string) => ({
  candidate,
  score,
  contributions: { occupation: score * 0.4, skills: score * 0.35, distance: score * 0.25 },
  summary,
});

/** Two configurations on three jobs; `tuned` is better on every job. */
const result: ExperimentResult = {
  cutoffs: [10],
  metricNames: ['ndcg@10', 'map'],
  warnings: ['job j4 has no relevant judgement: skipped'],
  configs: [
    {
      name: 'local',
      usage: null,
      durationMs: 10,
      overall: { 'ndcg@10': 0.6, map: 0.6 },
      perJob: [
        job('cariste-lyon', 0.9, [
          entry('cariste-01', 81, 'CACES R489 valide'),
          entry('soudeur-02', 40, 'métier voisin'),
        ]),
        job('soudeur', 0.5, [entry('cariste-01', 55, 'pas de soudure'), entry('soudeur-02', 52, 'TIG')]),
        job('serveur', 0.4, [entry('plongeur-03', 61, 'restauration'), entry('serveur-04', 60, 'salle')]),
      ],
    },
    {
      name: 'tuned',
      usage: null,
      durationMs: 10,
      overall: { 'ndcg@10': 0.7, map: 0.7 },
      perJob: [
        job('cariste-lyon', 1, [
          entry('cariste-01', 85, 'CACES R489 valide'),
          entry('soudeur-02', 30, 'métier voisin'),
        ]),
        job('soudeur', 0.6, [entry('soudeur-02', 70, 'TIG'), entry('cariste-01', 50, 'pas de soudure')]),
        job('serveur', 0.5, [entry('serveur-04', 66, 'salle'), entry('plongeur-03', 58, 'restauration')]),
      ],
    },
  ],
};
const qrels = readQrels('cariste-lyon\tcariste-01\t3\nsoudeur\tsoudeur-02\t2\nserveur\tserveur-04\t1\n');

let browser: Browser;
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cvmatch-report-'));
  await mkdir(ARTEFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rm(directory, { recursive: true, force: true });
});

async function open(html: string, name: string) {
  const file = join(directory, `${name}.html`);
  await writeFile(file, html);
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests };
}

describe('HTML reports in headless Chromium', () => {
  it('shows the evaluation metrics, charts, worst jobs and paired comparison, offline', {
    timeout: 120_000,
  }, async () => {
    const html = await renderEvalReport({
      result,
      qrels,
      configs: [
        { name: 'local', description: 'provider local, default weights' },
        { name: 'tuned', description: 'provider local, fitted weights' },
      ],
      fingerprint: { jobs: '3 orders, sha256 0123456789abcdef' },
      now: '2026-11-01',
      generatedAt: '2026-12-07T12:00:00Z',
    });
    const { page, requests } = await open(html, 'eval-report');
    // Self-contained: the only request is the file itself.
    expect(requests).toEqual([expect.stringMatching(/^file:\/\/.*eval-report\.html$/)]);
    expect(await page.title()).toBe('cvmatch evaluation report');
    // Four charts, each an inline SVG with drawn marks and axis text.
    for (const id of ['chart-overall', 'chart-per-job', 'chart-contributions', 'chart-scores']) {
      const chart = page.locator(`#${id} svg`);
      expect(await chart.count(), id).toBe(1);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(100);
      expect(await page.locator(`#${id} svg path, #${id} svg rect`).count(), id).toBeGreaterThan(3);
    }
    expect(
      await page.locator('#chart-per-job svg text', { hasText: 'cariste-lyon' }).count(),
    ).toBeGreaterThan(0);
    // Means over jobs: local (0.9 + 0.5 + 0.4) / 3 = 0.6, tuned 0.7; differences +0.1 on each job.
    expect(await page.locator('#overall [data-config="local"][data-metric="ndcg@10"]').textContent()).toBe(
      '0.6000',
    );
    expect(await page.locator('#overall [data-config="tuned"][data-metric="ndcg@10"]').textContent()).toBe(
      '0.7000',
    );
    expect(
      await page.locator('#comparison [data-compare="tuned"][data-metric="ndcg@10"]').textContent(),
    ).toBe('+0.1000');
    // The worst job of the first configuration, with its top candidates and why.
    const worst = page.locator('table.worst-job').first();
    expect(await worst.getAttribute('data-job')).toBe('serveur');
    expect(await worst.textContent()).toContain('restauration');
    expect(await page.locator('#fingerprint').textContent()).toContain('0123456789abcdef');
    await page.screenshot({ path: join(ARTEFACTS, 'eval-report.png'), fullPage: true });
    expect((await stat(join(ARTEFACTS, 'eval-report.png'))).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows the fairness audit verdict, Δ distributions and impact ratios', {
    timeout: 120_000,
  }, async () => {
    const details = ['a', 'b', 'c'].flatMap((candidateId, index) =>
      (['identity', 'gender', 'photo'] as const).map((swap) => ({
        candidateId,
        swap,
        identity: swap === 'identity' ? 'Fatou Diop' : swap,
        gender: 'female' as const,
        origin: swap === 'identity' ? 'west-africa' : swap,
        baselineScore: 70 - index * 10,
        variantScore: 70 - index * 10,
        scoreDelta: 0,
        baselineRank: index + 1,
        variantRank: index + 1,
      })),
    );
    const report = {
      passed: true,
      maxScoreDelta: 0,
      rankChanges: 0,
      missing: 0,
      details,
    } as unknown as FairnessReport;
    const html = await renderAuditReport({
      job: { id: 'cariste-lyon', title: 'Cariste' },
      candidates: 3,
      threshold: 0,
      now: '2026-11-01',
      runs: [
        {
          name: 'without-llm',
          models: 'local/hashing-v1',
          passed: true,
          report,
          summary: summarizeFairness(report, { selectionSize: 2 }),
        },
      ],
    });
    const { page } = await open(html, 'audit-report');
    expect(await page.locator('[data-run="without-llm"][data-passed="true"]').textContent()).toContain(
      'PASS',
    );
    expect(await page.locator('[data-max-delta]').textContent()).toBe('0.0');
    expect(await page.locator('#chart-deltas-without-llm svg').count()).toBe(1);
    expect(await page.locator('#chart-impact-without-llm svg').count()).toBe(1);
    const ratios = await page.locator('table.impact-ratios tbody tr').allTextContents();
    // gender: female, origin: west-africa, gender-words: twin, photo: twin; nothing moved, so every ratio is 1.
    expect(ratios).toHaveLength(4);
    for (const row of ratios) expect(row).toContain('1.00');
    await page.screenshot({ path: join(ARTEFACTS, 'audit-report.png'), fullPage: true });
    await page.close();
  });
});
