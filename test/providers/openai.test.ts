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
  create: createOpenAI,
  baseURL: (each) => `${each.url}/v1`,
  keyVariable: 'OPENAI_API_KEY',
  defaultEmbeddingModel: 'text-embedding-3-small',
  defaultChatModel: 'gpt-4o-mini',
  seedField: 'seed',
});
