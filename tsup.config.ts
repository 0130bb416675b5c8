import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * The taxonomy tables (src/taxonomy/data/*.json) are read at run time, on first use, from
 * dist/data/taxonomy/; each bundle is told where that folder is relative to itself (see
 * src/taxonomy/tables.ts).
 */
const copyTaxonomyData = async () => {
  cpSync('src/taxonomy/data', 'dist/data/taxonomy', {
    recursive: true,
    filter: (source) => !/\.(?:ts|md)$/.test(source),
  });
};

// What ships (see test/tarball.test.ts): one ESM build, one CommonJS build, their type declarations, the
// CLI and the taxonomy tables once. No source maps: they tripled the tarball and carried every source file again.
export default defineConfig([
  {
    // ESM: the library and the `cvmatch` binary share their code through chunks, so the CLI does not carry a
    // second copy of the library (it imports only src/index.ts: all library code lands in dist/, next to the
    // tables' folder). The binary's `#!/usr/bin/env node` line comes from src/cli/main.ts.
    entry: { index: 'src/index.ts', 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    splitting: true,
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: false,
    target: 'node20',
    define: { __TAXONOMY_DATA__: JSON.stringify('./data/taxonomy/') },
  },
  {
    // Its declarations are the ESM ones, copied to index.d.cts by `npm run build` (one DTS pass, not two).
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    sourcemap: false,
    target: 'node20',
    splitting: false,
    // import.meta.url (used to locate pdfjs-dist's fonts and the taxonomy tables) must also work in the CJS build.
    shims: true,
    define: { __TAXONOMY_DATA__: JSON.stringify('./data/taxonomy/') },
    onSuccess: copyTaxonomyData,
  },
]);
