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

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
    // import.meta.url (used to locate pdfjs-dist's fonts and the taxonomy tables) must also work in the CJS build.
    shims: true,
    define: { __TAXONOMY_DATA__: JSON.stringify('./data/taxonomy/') },
    onSuccess: copyTaxonomyData,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { __TAXONOMY_DATA__: JSON.stringify('../data/taxonomy/') },
  },
]);
