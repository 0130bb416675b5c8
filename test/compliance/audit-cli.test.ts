import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCli } from '../support/capture-cli.js';

// `cvmatch audit` on the repository fixtures, offline: the proof the README's compliance section promises.
describe('cvmatch audit', () => {
  it('finds no score or rank change for any twin on the fixtures offline (Δ = 0)', {
    timeout: 300_000,
  }, async () => {
    const directory = await mkdtemp(join(tmpdir(), 'cvmatch-audit-'));
    const report = join(directory, 'audit.html');
    const result = await captureCli([
      'audit',
      '--job',
      'fixtures/jobs/cariste-lyon.json',
      '--candidates',
      'fixtures/cvs',
      '--now',
      '2026-11-01',
      '--variants',
      '4',
      '--report',
      report,
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(report, 'utf8');
    await rm(directory, { recursive: true, force: true });
    expect(html).toContain('data-passed="true"');
    expect(html.match(/<svg/g)).toHaveLength(2);
    const output = JSON.parse(result.stdout);
    expect(output.passed).toBe(true);
    expect(result.stderr).toContain('audited without the LLM only');
    expect(output.runs.map((run: { name: string }) => run.name)).toEqual(['without-llm']);
    const [run] = output.runs;
    expect(Object.keys(run.summary.bySwap)).toEqual(['identity', 'gender', 'age', 'address', 'photo']);
    for (const spread of Object.values(run.summary.bySwap) as {
      scoreDelta: { min: number; max: number; count: number };
      rankDelta: { min: number; max: number };
      missing: number;
    }[]) {
      expect(spread.scoreDelta.count).toBeGreaterThan(0);
      expect([
        spread.scoreDelta.min,
        spread.scoreDelta.max,
        spread.rankDelta.min,
        spread.rankDelta.max,
      ]).toEqual([0, 0, 0, 0]);
      expect(spread.missing).toBe(0);
    }
    expect(run.report.maxScoreDelta).toBe(0);
    // Twins are selected exactly as their originals: every impact ratio is 1.
    const dimensions = new Set(run.summary.impactRatios.map((item: { dimension: string }) => item.dimension));
    expect(dimensions).toEqual(new Set(['gender', 'origin', 'gender-words', 'age', 'address', 'photo']));
    for (const item of run.summary.impactRatios)
      expect(item.ratio, `${item.dimension}:${item.group}`).toBe(1);
  });

  it('exits 2 on usage errors', async () => {
    const base = ['audit', '--job', 'fixtures/jobs/cariste-lyon.json', '--candidates', 'fixtures/cvs'];
    expect((await captureCli([...base, '--threshold', '-1'])).code).toBe(2);
    expect((await captureCli([...base, '--variants', '0'])).code).toBe(2);
    expect(
      (await captureCli(['audit', '--job', 'fixtures/jobs/none.json', '--candidates', 'fixtures/cvs'])).code,
    ).toBe(2);
  });
});
