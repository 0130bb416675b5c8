import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm test` builds with tsup before running the suite. One process loads both builds, as happens when an
// application imports cvmatch while one of its dependencies requires it: two copies of every class.
const root = fileURLToPath(new URL('..', import.meta.url));

const script = `
import { createRequire } from 'node:module';
import * as esm from 'cvmatch';
const cjs = createRequire(import.meta.url)('cvmatch');
const fromCjs = new cjs.RateLimitError('429 from the CJS copy', { provider: 'mistral', retryAfterMs: 5 });
const fromEsm = new esm.AuthenticationError('401 from the ESM copy', { provider: 'openai' });

// A raw model built with one copy, whose calls fail with errors of the other copy.
let attempts = 0;
const local = esm.createLocal().embeddingModel();
const flaky = { ...local, embed: async () => { attempts++; throw new cjs.ProviderError('503', { provider: 'local', status: 503, retryable: true }); } };
const retried = await esm.applyEmbeddingMiddleware(flaky, { retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 } })
  .embed({ inputs: ['cariste'] }).catch((error) => error);
const failing = { ...local, embed: async () => { throw fromCjs; } };
const switched = [];
const { vectors } = await esm.fallback(failing, local, { onFallback: (event) => switched.push(event.from.provider) })
  .embed({ inputs: ['cariste'] });

console.log(JSON.stringify({
  twoCopies: esm.ProviderError !== cjs.ProviderError,
  instanceofAcross: fromCjs instanceof esm.ProviderError,
  esmRecognisesCjs: [esm.CvmatchError, esm.ProviderError, esm.RateLimitError, esm.AuthenticationError].map((c) => c.isInstance(fromCjs)),
  cjsRecognisesEsm: [cjs.CvmatchError, cjs.ProviderError, cjs.RateLimitError, cjs.AuthenticationError].map((c) => c.isInstance(fromEsm)),
  retryAttempts: attempts,
  retriedError: { isProviderError: esm.ProviderError.isInstance(retried), attempts: retried.attempts },
  fallback: { switched, vectors: vectors.length },
}));
`;

describe.runIf(existsSync(`${root}/dist/index.cjs`))('errors across the ESM and CJS builds', () => {
  it('isInstance recognises an error of the other copy, where instanceof cannot; retry and fallback rely on it', () => {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      twoCopies: true,
      instanceofAcross: false,
      esmRecognisesCjs: [true, true, true, false],
      cjsRecognisesEsm: [true, true, false, true],
      retryAttempts: 3,
      retriedError: { isProviderError: true, attempts: 3 },
      fallback: { switched: ['local'], vectors: 1 },
    });
  });
});
