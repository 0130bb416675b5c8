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

  it('reads the taxonomy tables only on first use, from dist/data/taxonomy (CJS and ESM)', () => {
    const watch =
      "const fs = require('node:fs'); const reads = []; const read = fs.readFileSync;" +
      "fs.readFileSync = function (file, ...rest) { if (String(file).includes('data/taxonomy/')) reads.push(String(file).split('/').pop()); return read.call(this, file, ...rest); };";
    const cjs = JSON.parse(
      run([
        '-e',
        `${watch} const m = require('cvmatch'); const before = reads.length; const r = m.normalizeOccupation('Cariste H/F');` +
          'console.log(JSON.stringify({ before, reads, code: r.matches[0].romeCode, confidence: r.confidence }))',
      ]),
    );
    expect(cjs.before).toBe(0);
    expect(cjs.reads).toEqual(
      expect.arrayContaining(['occupations.json', 'french-titles.json', 'english-titles.json']),
    );
    expect(cjs.reads).not.toContain('esco-skills.json');
    expect(cjs.code).toBe('N1101');
    expect(cjs.confidence).toBeGreaterThan(0.5);
    const esm = run([
      '--input-type=module',
      '-e',
      "import { normalizeOccupation } from 'cvmatch'; console.log(normalizeOccupation('Line Cook').matches[0].romeCode)",
    ]).trim();
    expect(esm).toBe('G1609');
  });

  it('runs the occupation command from the built bin', () => {
    const parsed = JSON.parse(run(['dist/cli/main.js', 'occupation', 'M1403', '--json']));
    expect(parsed.romeInput).toMatchObject({ version: 'v3', family: 'M1403' });
  });

  it('ships type declarations for both module systems', () => {
    expect(existsSync(`${root}/dist/index.d.ts`)).toBe(true);
    expect(existsSync(`${root}/dist/index.d.cts`)).toBe(true);
  });

  it('runs the bin', () => {
    expect(run(['dist/cli/main.js', '--version']).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
