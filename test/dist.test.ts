import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm test` builds with tsup before running the suite; this checks what users will install.
const root = fileURLToPath(new URL('..', import.meta.url));
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CVMATCH_DB: '', ...env },
  });

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
    // The title indexes ship prebuilt (scripts/build-indexes.ts): the title and stem tables are not shipped.
    expect(cjs.reads).toEqual(expect.arrayContaining(['occupations.json', 'occupation-index.json.br']));
    expect(cjs.reads).not.toContain('esco-skills.json');
    expect(cjs.reads).not.toContain('french-titles.json');
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

  it('opens an embedded store with pgvector from both builds (PGlite files resolve from dist)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-dist-store-'));
    try {
      const cjs = run([
        '-e',
        `require('cvmatch').openStore(${JSON.stringify(folder)}).then(async (s) => { console.log(s.vectors); await s.close(); })`,
      ]);
      expect(cjs.trim()).toBe('pgvector');
      const esm = run([
        '--input-type=module',
        '-e',
        `import { openStore } from 'cvmatch'; const s = await openStore(${JSON.stringify(folder)}); ` +
          'console.log((await s.status()).schemaVersion, s.vectors); await s.close();',
      ]);
      expect(esm.trim()).toBe('3 pgvector');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);

  it('loads no database driver for commands that do not use the store', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cvmatch-dist-imports-'));
    const log = join(folder, 'imports.log');
    const cli = (args: string[]) =>
      run(['--import', './test/support/record-imports.mjs', 'dist/cli/main.js', ...args], {
        CVMATCH_IMPORT_LOG: log,
      });
    const imported = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    try {
      cli(['--help']);
      cli(['occupation', 'cariste']);
      expect(imported()).toBe('');
      cli(['db', 'status', '--db', join(folder, 'db')]);
      expect(imported()).toContain('@electric-sql/pglite');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
