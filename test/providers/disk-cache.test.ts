import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDiskCache } from '../../src/providers/middleware/cache.js';
import { createUsageMeter } from '../../src/providers/middleware/usage.js';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import { startFakeApiServer } from './fake-api-server.js';

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
});
