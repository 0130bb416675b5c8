import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// An application that bundles cvmatch (and so the Mistral SDK) with esbuild. The SDK loads its OpenTelemetry
// module on first request, a module that imports `@opentelemetry/api` (an optional peer of the SDK): without
// that package installed, bundlers stop with `Could not resolve "@opentelemetry/api"`. The SDK is an optional peer
// of cvmatch; an application that uses (and bundles) it installs it with @opentelemetry/api (see the README).
const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so that what the bundle leaves out (pdfjs-dist's files) still resolves.
const scratch = mkdtempSync(join(root, 'node_modules', '.cvmatch-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const application = `
import { createServer } from 'node:http';
import { createMistral, parseJobOrder } from 'cvmatch';

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    const { input, model } = JSON.parse(body);
    const data = input.map((text, index) => ({ object: 'embedding', index, embedding: Array(1024).fill(1 / 32) }));
    const usage = { prompt_tokens: input.length, completion_tokens: 0, total_tokens: input.length };
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ id: 'emb-1', object: 'list', data, model, usage }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const mistral = createMistral({ apiKey: 'test', baseURL: 'http://127.0.0.1:' + server.address().port, maxRetries: 0 });
const { vectors } = await mistral.embeddingModel('mistral-embed').embed({ inputs: ['cariste', 'soudeur'] });
server.close();
console.log(JSON.stringify({ romeCode: parseJobOrder('Cariste H/F Lyon').romeCode, vectors: vectors.length }));
`;

describe.runIf(existsSync(`${root}/dist/index.js`))('an application bundling cvmatch with esbuild', () => {
  it('bundles without unresolved imports and runs, Mistral SDK calls included', async () => {
    const outfile = join(scratch, 'app.mjs');
    // The README's recipe: the taxonomy tables, read on first use next to the code, are copied next to the
    // bundle (and dist/vendor/ and the extraction worker for an application that parses documents).
    cpSync(join(root, 'dist/data/taxonomy'), join(scratch, 'data/taxonomy'), { recursive: true });
    const result = await build({
      stdin: { contents: application, resolveDir: root, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      // The usual banner for an ESM bundle of CommonJS packages that require Node built-ins.
      banner: {
        js: "import { createRequire as bundleRequire } from 'node:module'; const require = bundleRequire(import.meta.url);",
      },
    });
    expect(result.errors).toEqual([]);
    const output = execFileSync(process.execPath, [outfile], { cwd: scratch, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ romeCode: 'N1101', vectors: 2 });
  }, 120_000);
});
