import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ndcgAtK } from '../../src/eval/metrics.js';
import { readQrels } from '../../src/eval/qrels.js';
import { readTrecRun, writeTrecQrels } from '../../src/eval/trec.js';
import { captureCli } from '../support/capture-cli.js';

// End to end on the repository fixtures: 8 job orders, 27 CVs (PDF, DOCX, TXT) parsed for real.
const FIXTURE_ARGS = ['--jobs', 'fixtures/jobs', '--qrels', 'eval/qrels/fixtures.tsv', '--now', '2026-11-01'];

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'cvmatch-eval-cli-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('eval/qrels/fixtures.tsv', () => {
  it('judges only existing fixture jobs and CVs, with grades 1–3', async () => {
    const qrels = readQrels(await readFile('eval/qrels/fixtures.tsv', 'utf8'));
    const { readdir } = await import('node:fs/promises');
    const jobs = new Set(
      (await readdir('fixtures/jobs'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -5)),
    );
    const cvs = new Set(
      (await readdir('fixtures/cvs'))
        .filter((name) => name.endsWith('.expected.json'))
        .map((name) => name.slice(0, -14)),
    );
    expect(new Set(qrels.keys())).toEqual(jobs); // every job has at least one relevant CV
    for (const [job, judgements] of qrels) {
      for (const [candidate, grade] of judgements) {
        expect(cvs.has(candidate), `${job} × ${candidate}`).toBe(true);
        expect(grade).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('cvmatch eval', () => {
  it('prints per-job and overall metrics as JSON for the local provider', { timeout: 180_000 }, async () => {
    // The judgements as TREC qrels (recognised without a flag); the rankings written as a TREC run.
    const trecQrels = join(directory, 'fixtures.qrels');
    await writeFile(trecQrels, writeTrecQrels(readQrels(await readFile('eval/qrels/fixtures.tsv', 'utf8'))));
    const runFile = join(directory, 'local.run');
    const result = await captureCli([
      'eval',
      ...FIXTURE_ARGS,
      '--qrels',
      trecQrels,
      '--candidates',
      'fixtures/cvs',
      '--k',
      '5,10',
      '--run',
      runFile,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.metricNames).toEqual(['ndcg@5', 'ndcg@10', 'map', 'mrr', 'recall@5', 'recall@10']);
    expect(report.configs).toHaveLength(1);
    const [config] = report.configs;
    expect(config.perJob).toHaveLength(8);
    for (const name of report.metricNames) {
      expect(config.overall[name]).toBeGreaterThanOrEqual(0);
      expect(config.overall[name]).toBeLessThanOrEqual(1);
    }
    // A floor, not an exact figure: the rules + local embeddings must put the right trades first.
    expect(config.overall['ndcg@10']).toBeGreaterThan(0.8);
    expect(config.overall.mrr).toBeGreaterThan(0.8);
    expect(config.usage.byModel['local/hashing-v1'].calls).toBeGreaterThan(0);
    // The run file read back as trec_eval reads it gives the same figures per job.
    const run = readTrecRun(await readFile(runFile, 'utf8'));
    const qrels = readQrels(await readFile(trecQrels, 'utf8'));
    for (const job of config.perJob) {
      const ranked = run.get(job.jobId)?.map((entry) => entry.candidate) ?? [];
      expect(ranked.slice(0, 10)).toEqual(job.top);
      expect(ndcgAtK(ranked, qrels.get(job.jobId) as Map<string, number>, 10)).toBeCloseTo(
        job.metrics['ndcg@10'],
        12,
      );
    }
    // A CV can be skipped on an overloaded machine (extraction timeout); nothing else may be wrong.
    const skipped = new Set(
      report.failures.map((failure: { file: string }) => failure.file.replace(/^.*\/|\.[^.]+$/g, '')),
    );
    for (const warning of report.warnings) {
      const missing = /relevant candidates not in the pool: (.*)$/.exec(warning)?.[1]?.split(', ') ?? [
        warning,
      ];
      for (const key of missing) expect(skipped.has(key), warning).toBe(true);
    }
  });

  it('compares configurations side by side in the table output', { timeout: 180_000 }, async () => {
    const compare = join(directory, 'compare.json');
    await writeFile(
      compare,
      JSON.stringify([
        { name: 'rules-only', semantic: false },
        { name: 'hybrid', weights: 'semantic=0.3' },
      ]),
    );
    const csvDirectory = join(directory, 'csv');
    const result = await captureCli([
      'eval',
      ...FIXTURE_ARGS,
      '--candidates',
      'fixtures/cvs',
      '--compare',
      compare,
      '--csv',
      csvDirectory,
      '--run',
      join(directory, 'compare.run'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const perJob = (await readFile(join(csvDirectory, 'per-job.csv'), 'utf8')).trim().split('\r\n');
    expect(perJob[0]).toBe('config,job_id,judged,relevant,ndcg@5,ndcg@10,map,mrr,recall@5,recall@10');
    expect(perJob.filter((line) => line.startsWith('hybrid,'))).toHaveLength(9); // 8 jobs + OVERALL
    const perCandidate = (await readFile(join(csvDirectory, 'per-candidate.csv'), 'utf8')).split('\r\n');
    expect(perCandidate[0]).toMatch(/^config,job_id,rank,candidate,score,grade,points_/);
    expect(perCandidate[1]).toMatch(/^rules-only,[a-z-]+,1,[a-z-]+,\d/);
    for (const name of ['rules-only', 'hybrid'])
      expect(readTrecRun(await readFile(join(directory, `compare.run.${name}`), 'utf8')).size).toBe(8);
    expect(result.stdout).toContain('== rules-only');
    expect(result.stdout).toContain('== hybrid');
    expect(result.stdout).toMatch(
      /== comparison \(overall means\)\nconfiguration +ndcg@5 +ndcg@10 +map +mrr +recall@5 +recall@10/,
    );
    expect(result.stdout).toMatch(/^rules-only +\d\.\d{4}/m);
    expect(result.stdout).toContain('OVERALL (mean)');
  });

  it('fits weights with k-fold cross-validation and writes a file match --weights-file reads', {
    timeout: 240_000,
  }, async () => {
    const weightsFile = join(directory, 'weights.json');
    const result = await captureCli([
      'eval',
      ...FIXTURE_ARGS,
      '--candidates',
      'fixtures/cvs',
      '--fit-weights',
      weightsFile,
      '--folds',
      '4',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const fit = JSON.parse(result.stdout);
    expect(fit.metric).toBe('ndcg@10');
    expect(fit.folds).toHaveLength(4);
    // 8 judged jobs, each scored once in the fold its weights never saw.
    expect(new Set(fit.perJob.map((job: { jobId: string }) => job.jobId)).size).toBe(8);
    expect(fit.heldOut.fittedNdcg).toBeGreaterThanOrEqual(0);
    const written = JSON.parse(await readFile(weightsFile, 'utf8'));
    expect(written.weights).toEqual(fit.weights);
    expect(written.fitted.heldOutFolds.folds).toBe(4);
    const matched = await captureCli([
      'match',
      '--job',
      'fixtures/jobs/cariste-lyon.json',
      '--candidates',
      'fixtures/cvs',
      '--now',
      '2026-11-01',
      '--weights-file',
      weightsFile,
      '--json',
    ]);
    expect(matched.code, matched.stderr).toBe(0);
    // The fitted weights are the ones used: each entry's weight is proportional to fitted weight × confidence.
    const [first] = JSON.parse(matched.stdout).results;
    const ratios = (first.breakdown as { criterion: string; weight: number; confidence: number }[])
      .filter((entry) => (written.weights[entry.criterion] ?? 0) * entry.confidence > 0.001)
      .map((entry) => entry.weight / (written.weights[entry.criterion] * entry.confidence));
    expect(ratios.length).toBeGreaterThan(2);
    for (const ratio of ratios) expect(ratio).toBeCloseTo(ratios[0] as number, 2);
    const bad = join(directory, 'bad-weights.json');
    await writeFile(bad, '{"weights":{"salary":1}}');
    expect(
      (
        await captureCli([
          'match',
          '--job',
          'fixtures/jobs/cariste-lyon.json',
          '--candidates',
          'fixtures/cvs',
          '--weights-file',
          bad,
        ])
      ).code,
    ).toBe(2);
  });

  it('exits 2 on usage errors', async () => {
    expect((await captureCli(['eval', ...FIXTURE_ARGS])).code).toBe(2); // neither --candidates nor --index
    expect(
      (await captureCli(['eval', ...FIXTURE_ARGS, '--candidates', 'fixtures/cvs', '--k', '0'])).code,
    ).toBe(2);
    const badCompare = join(directory, 'bad.json');
    await writeFile(badCompare, JSON.stringify([{ name: 'a', unknownField: 1 }]));
    expect(
      (await captureCli(['eval', ...FIXTURE_ARGS, '--candidates', 'fixtures/cvs', '--compare', badCompare]))
        .code,
    ).toBe(2);
    expect(
      (
        await captureCli([
          'eval',
          ...FIXTURE_ARGS,
          '--candidates',
          'fixtures/cvs',
          '--qrels',
          join(directory, 'none.tsv'),
        ])
      ).code,
    ).toBe(2);
  });
});
