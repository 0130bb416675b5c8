import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatPublicApi,
  PUBLIC_API_REPORT,
  readCommittedReport,
  readPublicApi,
} from '../scripts/public-api.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `+ line` for what the code exports and the report lacks, `- line` for the reverse. */
function lineDiff(committed: string, current: string): string {
  const before = new Set(committed.split('\n'));
  const after = new Set(current.split('\n'));
  return [
    ...[...after].filter((line) => !before.has(line)).map((line) => `+ ${line}`),
    ...[...before].filter((line) => !after.has(line)).map((line) => `- ${line}`),
  ].join('\n');
}

describe('the public API', () => {
  it(`is the list in ${PUBLIC_API_REPORT} (to change it: edit src/index.ts, npm run api:report, commit both)`, () => {
    const current = formatPublicApi(readPublicApi(root));
    const committed = readCommittedReport(root) ?? '';
    expect(lineDiff(committed, current), `src/index.ts differs from ${PUBLIC_API_REPORT}`).toBe('');
    expect(current).toBe(committed);
  });

  it('is an explicit list: no `export *` in src/index.ts nor in any area index file', () => {
    const indexFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /(^|\/)index\.ts$/.test(file))
      .map((file) => join('src', file));
    expect(indexFiles).toContain('src/index.ts');
    const withStar = indexFiles.filter((file) =>
      /^\s*export\s+(type\s+)?\*/m.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(withStar).toEqual([]);
  });

  describe('report', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cvmatch-api-'));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));
    writeFileSync(
      join(directory, 'things.ts'),
      [
        'export class Box {}',
        'export const limit = 3;',
        'export let counter = 0;',
        'export function run(): void {}',
        'export interface Options { size: number }',
        'export type Size = number;',
        'const hidden = 1;',
        'export { hidden as renamed };',
      ].join('\n'),
    );
    writeFileSync(join(directory, 'middle.ts'), "import { run } from './things.js';\nexport { run };\n");
    writeFileSync(
      join(directory, 'index.ts'),
      [
        "export { Box, limit, type Options, renamed } from './things.js';",
        "export { type counter, type Size } from './things.js';",
        "export { run } from './middle.js';",
      ].join('\n'),
    );

    it('lists every name with its kind, sorted, through re-exports; values exported with `type` are marked', () => {
      expect(readPublicApi(directory, 'index.ts')).toEqual([
        { name: 'Box', kind: 'class' },
        { name: 'counter', kind: 'let (type only)' },
        { name: 'limit', kind: 'const' },
        { name: 'Options', kind: 'interface' },
        { name: 'renamed', kind: 'const' },
        { name: 'run', kind: 'function' },
        { name: 'Size', kind: 'type' },
      ]);
    });

    it('throws on an export it cannot follow to a declaration', () => {
      writeFileSync(join(directory, 'broken.ts'), "export { missing } from './nowhere.js';\n");
      expect(() => readPublicApi(directory, 'broken.ts')).toThrow(/missing/);
    });
  });
});

const cli = join(root, 'src', 'cli');
const entry = join(root, 'src', 'index.ts');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const packages = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);

/**
 * The imports of a CLI file (static, `export … from`, dynamic) that reach outside the CLI: anything but
 * src/cli itself, src/index.ts, Node's modules and the packages of package.json.
 */
function importsOutsideCli(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((item) => item.fileName)
    .filter((specifier) => {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
        return relative(cli, target).startsWith('..') && target !== entry;
      }
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      return !specifier.startsWith('node:') && !builtinModules.includes(name) && !packages.has(name);
    });
}

describe('the CLI', () => {
  it('imports only the public API (src/index.ts), its own files, Node and declared packages', () => {
    const files = readdirSync(cli, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(cli, file));
    expect(files).toContain(join(cli, 'commands', 'match.ts'));
    const outside = files.flatMap((file) =>
      importsOutsideCli(file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative(root, file)}: ${specifier}`,
      ),
    );
    expect(outside).toEqual([]);
  });

  it('has its boundary checked: deep imports and undeclared packages are caught, the entry point is not', () => {
    const file = join(cli, 'commands', 'example.ts');
    const text = [
      "import { rankCandidates } from '../../index.js';",
      "import { parseWeightsFlag } from '../parse-weights-flag.js';",
      "import { readFile } from 'node:fs/promises';",
      "import { z } from 'zod';",
      "import { assessPair } from '../../matching/index.js';",
      "export { VERSION } from '../../version.js';",
      "const later = await import('../../errors.js');",
      "import leftPad from 'left-pad';",
    ].join('\n');
    expect(importsOutsideCli(file, text)).toEqual([
      '../../matching/index.js',
      '../../version.js',
      '../../errors.js',
      'left-pad',
    ]);
  });
});
