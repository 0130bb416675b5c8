import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig } from 'tsup';

/**
 * The taxonomy tables (src/taxonomy/data/*.json) and the commune table (src/geo/data/communes.json) are read
 * at run time, on first use, from dist/data/taxonomy/ and dist/data/geo/; each bundle is told where that folder is relative to itself (see
 * src/taxonomy/tables.ts).
 */
/** The prebuilt lookup indexes (scripts/build-indexes.ts) ship as Brotli: a quarter of the size installed. */
const compress = (source: string, target: string) => {
  const bytes = readFileSync(source);
  const options = {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  };
  writeFileSync(target, brotliCompressSync(bytes, options));
};

const copyTaxonomyData = async () => {
  cpSync('src/taxonomy/data', 'dist/data/taxonomy', {
    recursive: true,
    // The ESCO skill tables are only read to build skill-index.json, and the title and stem tables to build
    // occupation-index.json (scripts/build-indexes.ts); both indexes ship compressed (skills: 2.7 MB of JSON,
    // 0.7 MB of Brotli, decompressed in ~10 ms on first use).
    filter: (source) =>
      !/\.(?:ts|md)$/.test(source) &&
      !/(?:esco-skills(?:-en)?|skill-index|occupation-index|french-titles|english-titles|stems)\.json$/.test(
        source,
      ),
  });
  compress('src/taxonomy/data/skill-index.json', 'dist/data/taxonomy/skill-index.json.br');
  compress('src/taxonomy/data/occupation-index.json', 'dist/data/taxonomy/occupation-index.json.br');
  cpSync('src/geo/data/communes.json', 'dist/data/geo/communes.json');
  compress('src/geo/data/commune-index.json', 'dist/data/geo/commune-index.json.br');
};

/**
 * pdfjs, vendored (see src/parsing/extract/pdf/load-pdfjs.ts): its minified legacy build and worker, named as
 * pdfjs expects (it imports `./pdf.worker.mjs` from next to itself), the packed CMaps and its Apache-2.0
 * licence. 3.4 MB instead of a 37 MB dependency and its 31 MB optional native canvas.
 */
const copyPdfjs = () => {
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const target = 'dist/vendor/pdfjs';
  mkdirSync(target, { recursive: true });
  // pdfjs requires `@napi-rs/canvas` when it loads (and warns on the console when it is absent) and to
  // render, which cvmatch never does: the vendored build requires an empty module in its place instead, so
  // a canvas package the application has installed is not loaded either.
  const source = readFileSync(join(pdfjs, 'legacy/build/pdf.min.mjs'), 'utf8');
  const patched = source.replaceAll('"@napi-rs/canvas"', '"./no-canvas.cjs"');
  if (patched === source) throw new Error('pdfjs no longer requires "@napi-rs/canvas": check copyPdfjs');
  writeFileSync(join(target, 'pdf.mjs'), patched);
  writeFileSync(
    join(target, 'no-canvas.cjs'),
    "// What cvmatch's copy of pdfjs gets instead of @napi-rs/canvas (see src/parsing/extract/pdf/load-pdfjs.ts).\nmodule.exports = {};\n",
  );
  cpSync(join(pdfjs, 'legacy/build/pdf.worker.min.mjs'), join(target, 'pdf.worker.mjs'));
  cpSync(join(pdfjs, 'cmaps'), join(target, 'cmaps'), { recursive: true });
  cpSync(join(pdfjs, 'LICENSE'), join(target, 'LICENSE'));
};

/**
 * libphonenumber-js, vendored (see src/support/phone-numbers.ts): its one-file CommonJS build with the "min"
 * metadata (the same as its default entry), 0.2 MB instead of a 10 MB package, and its MIT licence.
 */
const copyLibphonenumber = () => {
  const folder = dirname(createRequire(import.meta.url).resolve('libphonenumber-js/package.json'));
  const target = 'dist/vendor/libphonenumber-js';
  mkdirSync(target, { recursive: true });
  cpSync(join(folder, 'bundle/libphonenumber-min.js'), join(target, 'libphonenumber-min.cjs'));
  cpSync(join(folder, 'LICENSE'), join(target, 'LICENSE'));
  cpSync(join(folder, 'LICENSE.Apache'), join(target, 'LICENSE.Apache'));
};

// Where the data files are, relative to each bundle (the ESM chunk and dist/index.cjs both sit in dist/).
const dataFolders = {
  __TAXONOMY_DATA__: JSON.stringify('./data/taxonomy/'),
  __GEO_DATA__: JSON.stringify('./data/geo/'),
  __VENDOR_FOLDER__: JSON.stringify('./vendor/'),
  __EXTRACTION_WORKER__: JSON.stringify('./extraction-worker.js'),
};

/**
 * zod is bundled, not imported from node_modules: the package's entry loads all of zod (its 40 locales, the
 * JSON-schema converters, the schema compiler: ~100 modules, 60–90 ms of every start-up), of which cvmatch's
 * schemas use a small part (the sources import it as a namespace, `import * as z from 'zod'`, so the unused
 * rest is left out). The bundled copy shares zod's global registry and configuration (zod keeps them on
 * globalThis), and zod's types still come from the `zod` dependency, so an application's own zod composes
 * with cvmatch's schemas as before.
 */
const bundled = ['zod'];

// What ships (see test/tarball.test.ts): one ESM build, one CommonJS build, their type declarations, the
// CLI and the taxonomy tables once. No source maps: they tripled the tarball and carried every source file again.
export default defineConfig([
  {
    // ESM: the library and the `cvmatch` binary share their code through chunks, so the CLI does not carry a
    // second copy of the library (it imports only src/index.ts: all library code lands in dist/, next to the
    // tables' folder). Each command is a chunk of its own that the binary imports when it runs that command
    // (src/cli/command-list.ts): `cvmatch --help` loads none of them, nor the library. The binary's
    // `#!/usr/bin/env node` line comes from src/cli/main.ts.
    // The extraction worker (src/parsing/extract/isolated-extraction.ts) is a third entry: both builds start
    // dist/extraction-worker.js, which shares the chunk.
    entry: {
      index: 'src/index.ts',
      'cli/main': 'src/cli/main.ts',
      'extraction-worker': 'src/parsing/extract/extraction-worker.ts',
    },
    format: ['esm'],
    splitting: true,
    noExternal: bundled,
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: false,
    target: 'node20',
    define: dataFolders,
  },
  {
    // Its declarations are the ESM ones, copied to index.d.cts by `npm run build` (one DTS pass, not two).
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    noExternal: bundled,
    sourcemap: false,
    target: 'node20',
    splitting: false,
    // import.meta.url (used to locate pdfjs-dist's fonts and the taxonomy tables) must also work in the CJS build.
    shims: true,
    define: dataFolders,
    onSuccess: async () => {
      await copyTaxonomyData();
      copyPdfjs();
      copyLibphonenumber();
    },
  },
]);
