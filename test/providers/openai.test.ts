import { describe, expect, it } from 'vitest';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import { describeProviderConformance } from './embedding-conformance.js';
import { startFakeApiServer } from './fake-api-server.js';
import { describeRemoteConformance, FAKE_KEY } from './remote-conformance.js';

const server = await startFakeApiServer('openai');

describeProviderConformance({
  name: 'openai',
  expectedDimensions: 1536,
  hasChat: true,
  createProvider: ({ usage }) =>
    createOpenAI({ apiKey: FAKE_KEY, baseURL: `${server.url}/v1`, usage, timeoutMs: 2_000, env: {} }),
});

describeRemoteConformance({
  name: 'openai',
  flavor: 'openai',
  create: createOpenAI,
  baseURL: (each) => `${each.url}/v1`,
  keyVariable: 'OPENAI_API_KEY',
  requiresKey: true,
  defaultEmbeddingModel: 'text-embedding-3-small',
  defaultChatModel: 'gpt-4o-mini',
  seedField: 'seed',
  sdkTimeoutError: 'APIConnectionTimeoutError',
  readsQuotaCode: true,
});

describe('openai: official endpoint specifics', () => {
  it('sends max_completion_tokens to api.openai.com (and max_tokens to compatible servers)', async () => {
    const official = await startFakeApiServer('openai');
    const seen: string[] = [];
    // Redirect the official URL to the local server, so nothing leaves the machine.
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      seen.push(url);
      const local = url.replace('https://api.openai.com', official.url);
      return input instanceof Request
        ? globalThis.fetch(new Request(local, input), init)
        : globalThis.fetch(local, init);
    };
    const chat = createOpenAI({ apiKey: FAKE_KEY, fetch, env: {} }).chatModel();
    await chat.generateText({ messages: [{ role: 'user', content: 'SMS' }], maxOutputTokens: 20 });
    expect(seen).toEqual(['https://api.openai.com/v1/chat/completions']);
    expect(official.requests[0]!.body.max_completion_tokens).toBe(20);
    expect(official.requests[0]!.body.max_tokens).toBeUndefined();
    await official.close();
  });
});
