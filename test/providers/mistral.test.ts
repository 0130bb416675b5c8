import { createMistral } from '../../src/providers/mistral/create-mistral.js';
import { describeProviderConformance } from './embedding-conformance.js';
import { startFakeApiServer } from './fake-api-server.js';
import { describeRemoteConformance, FAKE_KEY } from './remote-conformance.js';

const server = await startFakeApiServer('mistral');

describeProviderConformance({
  name: 'mistral',
  expectedDimensions: 1024,
  hasChat: true,
  createProvider: ({ usage }) =>
    createMistral({ apiKey: FAKE_KEY, baseURL: server.url, usage, timeoutMs: 2_000, env: {} }),
});

describeRemoteConformance({
  name: 'mistral',
  flavor: 'mistral',
  create: createMistral,
  baseURL: (each) => each.url,
  keyVariable: 'MISTRAL_API_KEY',
  requiresKey: true,
  defaultEmbeddingModel: 'mistral-embed',
  defaultChatModel: 'mistral-small-latest',
  seedField: 'random_seed',
  sdkTimeoutError: 'RequestTimeoutError',
  readsQuotaCode: false,
});
