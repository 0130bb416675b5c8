import { describe, expect, it } from 'vitest';
import { ProviderError, ValidationError } from '../../src/errors.js';
import { createUsageMeter } from '../../src/providers/middleware/usage.js';
import {
  createOpenAICompatible,
  type OpenAICompatibleSettings,
} from '../../src/providers/openai-compatible/create-openai-compatible.js';
import type { RemoteProviderSettings } from '../../src/providers/settings.js';
import { describeProviderConformance } from './embedding-conformance.js';
import { startFakeApiServer } from './fake-api-server.js';
import { describeRemoteConformance, FAKE_KEY } from './remote-conformance.js';

const server = await startFakeApiServer('openai');

/** An Ollama-like server: the models are the ones the user pulled, named in the settings. */
const create = (settings: RemoteProviderSettings) =>
  createOpenAICompatible({
    name: 'openai-compatible',
    embeddingModelId: 'nomic-embed-text',
    chatModelId: 'llama3.2',
    ...settings,
    baseURL: settings.baseURL ?? '',
  });

describeProviderConformance({
  name: 'openai-compatible',
  expectedDimensions: 768,
  hasChat: true,
  createProvider: ({ usage }) => create({ baseURL: `${server.url}/v1`, usage, timeoutMs: 2_000, env: {} }),
});

describeRemoteConformance({
  name: 'openai-compatible',
  flavor: 'openai',
  create,
  baseURL: (each) => `${each.url}/v1`,
  keyVariable: 'OPENAI_COMPATIBLE_API_KEY',
  requiresKey: false,
  defaultEmbeddingModel: 'nomic-embed-text',
  defaultChatModel: 'llama3.2',
  seedField: 'seed',
  sdkTimeoutError: 'APIConnectionTimeoutError',
  readsQuotaCode: true,
});

describe('openai-compatible: specifics', () => {
  const local = (extra: Partial<OpenAICompatibleSettings> = {}) =>
    createOpenAICompatible({ name: 'ollama', baseURL: `${server.url}/v1`, env: {}, ...extra });

  it('reports the name it was given on models, usage and errors', async () => {
    const usage = createUsageMeter();
    const model = local({ usage }).embeddingModel('nomic-embed-text');
    expect(model).toMatchObject({ provider: 'ollama', modelId: 'nomic-embed-text', dimensions: 768 });
    await model.embed({ inputs: ['cariste'] });
    // No price is known for a local server: the cost is not guessed.
    expect(usage.report()).toMatchObject({ calls: 1, unpricedModels: ['ollama/nomic-embed-text'] });
    server.enqueue({ kind: 'status', status: 400 });
    const error = await local({ maxRetries: 0 })
      .chatModel('llama3.2')
      .generateText({ messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ provider: 'ollama', status: 400 });
  });

  it('has no default model: a model id is required, and unknown embedding models need dimensions', () => {
    expect(() => local().embeddingModel()).toThrow(ProviderError);
    expect(() => local().chatModel()).toThrow(/no default chat model/);
    expect(() => local().embeddingModel('my-embedder')).toThrow(/pass `dimensions`/);
    expect(local({ dimensions: 256 }).embeddingModel('my-embedder').dimensions).toBe(256);
  });

  it('refuses to be created without a base URL rather than calling api.openai.com', () => {
    expect(() => createOpenAICompatible({ name: 'vllm', baseURL: '' })).toThrow(ValidationError);
    expect(() => createOpenAICompatible({ name: 'vllm', baseURL: 'localhost:8000' })).toThrow(/baseURL/);
  });

  it('sends the key when there is one', async () => {
    const before = server.requests.length;
    await local({ apiKey: FAKE_KEY })
      .embeddingModel('nomic-embed-text')
      .embed({ inputs: ['a'] });
    expect(server.requests[before]!.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  });
});
