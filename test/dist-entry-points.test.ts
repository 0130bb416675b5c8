import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// `npm test` builds with tsup before running the suite. test/support/exercise-built-package.mjs calls every
// async entry point of the built package once through `require('cvmatch')` (dist/index.cjs) and once through
// `import 'cvmatch'` (dist/index.js): a dependency that only loads one way (p-limit 7, ESM-only, broke the
// CommonJS build on parseCvs and on every embedding model) fails here, not in a user's application.
/** What the script prints (see there). */
interface Digest {
  system: 'cjs' | 'esm';
  parseCv: string[];
  parseCvs: string[];
  parseJobOrder: { romeCode: string; certifications: string[] };
  rankCandidates: string[];
  poolIndex: { size: number; sameRanking: boolean };
  rankJobs: string[];
  providers: { openai: number; cached: number; mistral: number[]; requests: number };
  screening: { opening: boolean; afterReply: string };
  auditLog: string[];
  auditFairness: boolean;
  runExperiment: [string, number][];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const exercise = (system: 'cjs' | 'esm'): Digest =>
  JSON.parse(
    execFileSync(process.execPath, ['test/support/exercise-built-package.mjs', system], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
const expectedCertifications = (stem: string): string[] =>
  JSON.parse(readFileSync(`${root}/fixtures/cvs/${stem}.expected.json`, 'utf8')).certifications;

describe.runIf(existsSync(`${root}/dist/index.cjs`))('async entry points of the built package', () => {
  let esm: Digest;
  let cjs: Digest;
  beforeAll(() => {
    esm = exercise('esm');
    cjs = exercise('cjs');
  }, 120_000);

  it('give the same results through require (CJS) and import (ESM)', () => {
    expect({ ...cjs, system: 'esm' }).toEqual(esm);
  });

  it('parse CVs one by one and in a batch, and a job ad', () => {
    expect(cjs.parseCv).toEqual(expectedCertifications('cariste-karim-benali').sort());
    // Three forklift drivers (N1101) and an electrician (ROME F1602), none failed.
    expect(cjs.parseCvs).toEqual(['N1101', 'N1101', 'N1101', 'F1602']);
    expect(cjs.parseJobOrder).toEqual({ romeCode: 'N1101', certifications: ['CACES_R489_3'] });
  });

  it('rank with the local embedding model, also from a pool index saved and loaded again, and rank jobs', () => {
    // The only one holding the required CACES R489 cat. 3 first, the electrician last (eval/qrels/fixtures.tsv).
    expect(cjs.rankCandidates[0]).toBe('cariste-karim-benali');
    expect(cjs.rankCandidates.at(-1)).toBe('electricien-nicolas-mercier');
    expect(cjs.poolIndex).toEqual({ size: 4, sameRanking: true });
    expect(cjs.rankJobs).toEqual(['cariste-lyon', 'electricien']);
  });

  it('load the OpenAI and Mistral SDKs on first call and serve a repeated call from the disk cache', () => {
    expect(cjs.providers).toEqual({ openai: 1536, cached: 1536, mistral: [1024, 1024], requests: 2 });
  });

  it('screen, write and read an audit log, audit fairness and run an experiment', () => {
    expect(cjs.screening).toEqual({ opening: true, afterReply: 'awaiting-reply' });
    expect(cjs.auditLog).toEqual(['run-start', 'run-end']);
    expect(cjs.auditFairness).toBe(true);
    expect(cjs.runExperiment).toEqual([['rules', 1]]);
  });
});
