import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskCache, type DamagedCacheEntry } from '../../src/providers/middleware/cache.js';
import { createUsageMeter } from '../../src/providers/middleware/usage.js';
import { createMistral } from '../../src/providers/mistral/create-mistral.js';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import { createOpenAICompatible } from '../../src/providers/openai-compatible/create-openai-compatible.js';
import { startFakeApiServer } from './fake-api-server.js';

/** Every content file cacache wrote under `directory` (content-v2/<algorithm>/xx/yy/rest). */
async function contentFiles(directory: string): Promise<string[]> {
  const entries = await readdir(join(directory, 'content-v2'), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const directories: string[] = [];
async function temporaryDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'cvmatch-cache-'));
  directories.push(directory);
  return directory;
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describe('disk cache (cacache)', () => {
  it('stores bytes, answers null for a missing key, and survives concurrent writers', async () => {
    const directory = await temporaryDirectory();
    const writers = [createDiskCache(directory), createDiskCache(directory), createDiskCache(directory)];
    expect(await writers[0]!.get('missing')).toBeNull();
    const value = new Float32Array([0.25, -1.5, 3]);
    const bytes = new Uint8Array(value.buffer);
    await Promise.all(
      writers.flatMap((cache) => Array.from({ length: 10 }, (_, index) => cache.set(`key-${index}`, bytes))),
    );
    const reader = createDiskCache(directory);
    for (let index = 0; index < 10; index++) {
      const stored = await reader.get(`key-${index}`);
      expect(Array.from(new Float32Array(stored!.slice().buffer))).toEqual([0.25, -1.5, 3]);
    }
  });

  it('lets a second run (a new provider on the same directory) make no HTTP call', async () => {
    const directory = await temporaryDirectory();
    const server = await startFakeApiServer('openai');
    server.chatContent = () => 'Disponible lundi.';
    const run = async () => {
      const usage = createUsageMeter();
      const provider = createOpenAI({
        apiKey: 'k-test',
        baseURL: `${server.url}/v1`,
        cache: directory,
        usage,
        env: {},
      });
      const { vectors } = await provider.embeddingModel().embed({ inputs: ['cariste', 'maçon'] });
      const { text } = await provider
        .chatModel()
        .generateText({ messages: [{ role: 'user', content: 'SMS' }] });
      return { vectors: vectors.map((vector) => Array.from(vector)), text, report: usage.report() };
    };
    const first = await run();
    expect(server.requests).toHaveLength(2);
    expect(first.report.costEstimate).toBeGreaterThan(0);
    const second = await run();
    expect(server.requests).toHaveLength(2);
    expect(second.vectors).toEqual(first.vectors);
    expect(second.text).toBe('Disponible lundi.');
    expect(second.report).toMatchObject({ calls: 0, cachedCalls: 2, costEstimate: 0 });
    await server.close();
  });

  it('treats a damaged entry as a miss: evicted, reported, answered again and stored again', async () => {
    const directory = await temporaryDirectory();
    const damaged: DamagedCacheEntry[] = [];
    const cache = createDiskCache(directory, { onDamagedEntry: (entry) => damaged.push(entry) });
    await cache.set('cvmatch:v1:vector', new Uint8Array([1, 2, 3, 4]));
    const [file] = await contentFiles(directory);
    // A disk fault or a bad copy: same size, other bytes. cacache then says "Integrity verification failed".
    await writeFile(file!, new Uint8Array([9, 9, 9, 9]));
    expect(await cache.get('cvmatch:v1:vector')).toBeNull();
    expect(damaged).toEqual([{ directory, key: 'cvmatch:v1:vector', code: 'EINTEGRITY' }]);
    expect(await contentFiles(directory)).toEqual([]);
    await cache.set('cvmatch:v1:vector', new Uint8Array([1, 2, 3, 4]));
    expect(Array.from((await cache.get('cvmatch:v1:vector')) ?? [])).toEqual([1, 2, 3, 4]);
    expect(damaged).toHaveLength(1);
  });

  it('keeps a run going over a damaged cache, with a process warning by default', async () => {
    const directory = await temporaryDirectory();
    const server = await startFakeApiServer('openai');
    const embed = () =>
      createOpenAI({ apiKey: 'k-test', baseURL: `${server.url}/v1`, cache: directory, env: {} })
        .embeddingModel()
        .embed({ inputs: ['cariste'] });
    const first = await embed();
    for (const file of await contentFiles(directory)) await writeFile(file, 'damaged');
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const again = await embed();
      await new Promise((resolve) => setImmediate(resolve));
      expect(Array.from(again.vectors[0]!)).toEqual(Array.from(first.vectors[0]!));
    } finally {
      process.off('warning', onWarning);
    }
    expect(server.requests).toHaveLength(2);
    expect(warnings.map((warning) => (warning as Error & { code?: string }).code)).toEqual([
      'CVMATCH_CACHE_DAMAGED',
    ]);
    await embed();
    expect(server.requests).toHaveLength(2);
    await server.close();
  });

  it('shares the cache across base URLs for a vendor model, not for an OpenAI-compatible server', async () => {
    const directory = await temporaryDirectory();
    const [one, two] = [await startFakeApiServer('mistral'), await startFakeApiServer('mistral')];
    const mistral = (url: string) =>
      createMistral({ apiKey: 'k-test', baseURL: url, cache: directory, env: {} }).embeddingModel();
    await mistral(one.url).embed({ inputs: ['cariste'] });
    // The EU endpoint or a gateway serves the same mistral-embed: no new call.
    await mistral(two.url).embed({ inputs: ['cariste'] });
    expect([one.requests.length, two.requests.length]).toEqual([1, 0]);

    const local = (url: string) =>
      createOpenAICompatible({
        name: 'ollama',
        baseURL: `${url}/v1`,
        cache: directory,
        env: {},
      }).embeddingModel('nomic-embed-text');
    await local(one.url).embed({ inputs: ['soudeur'] });
    // Another server may name another model nomic-embed-text: asked again.
    await local(two.url).embed({ inputs: ['soudeur'] });
    expect([one.requests.length, two.requests.length]).toEqual([2, 1]);
    await Promise.all([one.close(), two.close()]);
  });
});
