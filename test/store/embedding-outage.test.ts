/**
 * An embedding outage while ranking a stored pool degrades like `rankCandidates` on files: words and rules,
 * `embedding-failed` on the run and on every result. Through the real `openai` SDK (openai-compatible) against
 * a local server on 127.0.0.1, on embedded PGlite; `loadStoredPool` + `rankCandidates`, `rankStoredPool`, and
 * `cvmatch match --db --pool`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JobOrder, jobOrderSchema } from '../../src/domain/index.js';
import { AuthenticationError } from '../../src/errors.js';
import { type RankEvent, rankCandidates } from '../../src/matching/index.js';
import { createOpenAICompatible } from '../../src/providers/openai-compatible/create-openai-compatible.js';
import { loadStoredPool, openStore, rankStoredPool, type Store } from '../../src/store/index.js';
import { buildProfile, caristeSpec } from '../matching/profile-factory.js';
import { captureCli } from '../support/capture-cli.js';
import { newPgliteFolder } from './backends.js';

type Mode = 'healthy' | '500' | 'reset' | '401';
let mode: Mode = 'healthy';
let server: Server;
let url: string;
let folder: string;
let store: Store;
const NOW = '2026-11-01';
const job: JobOrder = jobOrderSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/jobs/cariste-lyon.json', import.meta.url), 'utf8')),
);
const profiles = [
  buildProfile(caristeSpec('cv_with_caces')),
  buildProfile(caristeSpec('cv_without_caces', { certifications: [], headline: 'Cariste' })),
];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (mode === 'reset') {
        request.socket.destroy();
        return;
      }
      if (mode !== 'healthy') {
        const status = Number(mode);
        response.writeHead(status, { 'content-type': 'application/json', 'retry-after': '0' });
        response.end(JSON.stringify({ error: { message: `outage ${status}`, type: 'server_error' } }));
        return;
      }
      const { input, model } = JSON.parse(body) as { input: string[]; model: string };
      const data = input.map((text, index) => ({
        object: 'embedding',
        index,
        embedding: Array.from({ length: 384 }, (_, dimension) => ((text.length + dimension) % 7) / 7),
      }));
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: 1, total_tokens: 1 } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  folder = newPgliteFolder();
  store = await openStore(folder);
  await store.profiles.putMany(
    'agence',
    profiles.map((profile) => ({ profile, sourceHash: profile.id })),
  );
}, 120_000);

afterAll(async () => {
  await store?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function model() {
  return createOpenAICompatible({
    name: 'local',
    baseURL: url,
    maxRetries: 0,
    timeoutMs: 2_000,
  }).embeddingModel('all-minilm');
}

describe('an embedding outage on a stored pool', () => {
  for (const outage of ['500', 'reset'] as const) {
    it(`${outage}: loadStoredPool + rankCandidates and rankStoredPool rank on words and rules, embedding-failed`, async () => {
      mode = outage;
      const loaded = await loadStoredPool(store, 'agence', { embeddingModel: model() });
      expect(loaded.toEmbed).toBe(2);
      const events: RankEvent[] = [];
      const results = await rankCandidates(job, loaded.profiles, {
        now: NOW,
        ...(loaded.embeddingModel ? { embeddingModel: loaded.embeddingModel } : {}),
        onEvent: (event) => events.push(event),
      });
      const rulesOnly = await rankCandidates(job, profiles, { now: NOW });
      expect(results.map((result) => [result.candidateId, result.score])).toEqual(
        rulesOnly.map((result) => [result.candidateId, result.score]),
      );
      for (const result of results)
        expect(result.warnings.map((warning) => warning.code)).toContain('embedding-failed');
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'embedding-failed', provider: 'local', modelId: 'all-minilm' }),
      );
      const stored = await rankStoredPool(store, job, 'agence', { now: NOW, embeddingModel: model() });
      expect(stored.map((result) => [result.candidateId, result.score])).toEqual(
        rulesOnly.map((result) => [result.candidateId, result.score]),
      );
      for (const result of stored)
        expect(result.warnings.map((warning) => warning.code)).toContain('embedding-failed');
    });
  }

  it('a wrong key (401) is not an outage: rankStoredPool fails', async () => {
    mode = '401';
    const error = await rankStoredPool(store, job, 'agence', { now: NOW, embeddingModel: model() }).catch(
      (caught: unknown) => caught,
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
  });

  it('cvmatch match --db --pool: ranked, embedding-failed on stderr and on each result, exit 0', async () => {
    await store.close();
    mode = '500';
    try {
      const run = await withEnv({ OPENAI_COMPATIBLE_BASE_URL: url }, () =>
        captureCli([
          'match',
          ...['--job', 'fixtures/jobs/cariste-lyon.json', '--db', folder, '--pool', 'agence'],
          ...['--provider', 'openai-compatible', '--embedding-model', 'all-minilm', '--timeout', '2'],
          ...['--now', NOW, '--json'],
        ]),
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/embeddings unavailable .*\(embedding-failed\)/);
      const output = JSON.parse(run.stdout) as { results: { warnings: { code: string }[] }[] };
      expect(output.results).toHaveLength(2);
      for (const result of output.results)
        expect(result.warnings.map((warning) => warning.code)).toContain('embedding-failed');
    } finally {
      store = await openStore(folder);
    }
  });
});

async function withEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
