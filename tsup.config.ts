import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * The taxonomy tables (src/taxonomy/data/*.json) and the commune table (src/geo/data/communes.json) are read
 * at run time, on first use, from dist/data/taxonomy/ and dist/data/geo/; each bundle is told where that folder is relative to itself (see
 * src/taxonomy/tables.ts).
 */
const copyTaxonomyData = async () => {
  cpSync('src/taxonomy/data', 'dist/data/taxonomy', {
    recursive: true,
    filter: (source) => !/\.(?:ts|md)$/.test(source),
  });
  cpSync('src/geo/data/communes.json', 'dist/data/geo/communes.json');
};

// Where the data files are, relative to each bundle (the ESM chunk and dist/index.cjs both sit in dist/).
const dataFolders = {
  __TAXONOMY_DATA__: JSON.stringify('./data/taxonomy/'),
  __GEO_DATA__: JSON.stringify('./data/geo/'),
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
    define: dataFolders,
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
    define: dataFolders,
    onSuccess: copyTaxonomyData,
  },
]);
