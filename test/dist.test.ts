import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm test` builds with tsup before running the suite; this checks what users will install.
const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

describe.runIf(existsSync(`${root}/dist/index.cjs`))('built package', () => {
  it('loads through require (CJS) and import (ESM) with the same public API', () => {
    const cjs = run(['-e', "console.log(Object.keys(require('cvmatch')).sort().join(','))"]).trim();
    const esm = run([
      '--input-type=module',
      '-e',
      "import * as m from 'cvmatch'; console.log(Object.keys(m).sort().join(','))",
    ]).trim();
    expect(cjs).toBe(esm);
    expect(cjs.split(',')).toEqual(
      expect.arrayContaining(['candidateProfileSchema', 'DocumentError', 'VERSION']),
    );
  });

  it('parses a PDF CV through the CJS build (pdfjs paths resolve without import.meta)', () => {
    const script =
      "require('cvmatch').parseCv('fixtures/cvs/cariste-karim-benali.pdf')" +
      '.then((r) => console.log(JSON.stringify(r.profile.certifications.map((c) => c.code))))';
    expect(JSON.parse(run(['-e', script]))).toContain('CACES_R489_3');
  });

  it('ships type declarations for both module systems', () => {
    expect(existsSync(`${root}/dist/index.d.ts`)).toBe(true);
    expect(existsSync(`${root}/dist/index.d.cts`)).toBe(true);
  });

  it('runs the bin', () => {
    expect(run(['dist/cli/main.js', '--version']).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
