import { afterAll, beforeEach } from 'vitest';
import { z } from 'zod';
import type { RemoteProviderSettings } from '../../src/providers/settings.js';
import type { ChatModel, EmbeddingModel } from '../../src/providers/spec.js';
import { type ApiFlavor, type FakeApiServer, startFakeApiServer } from './fake-api-server.js';

/** A remote provider under test, and what differs between providers on the wire. */
export interface RemoteTarget {
  /** The provider's name, as its models and errors report it. */
  name: string;
  /** Which API the fake server speaks for it. */
  flavor: ApiFlavor;
  create(settings: RemoteProviderSettings): {
    embeddingModel(modelId?: string): EmbeddingModel;
    chatModel(modelId?: string): ChatModel;
  };
  /** `baseURL` for the fake server (OpenAI's includes `/v1`, Mistral's is the server root). */
  baseURL(server: FakeApiServer): string;
  keyVariable: string;
  /** False when the server needs no key (an OpenAI-compatible local server). */
  requiresKey: boolean;
  defaultEmbeddingModel: string;
  defaultChatModel: string;
  /** The wire name of the seed parameter. */
  seedField: 'seed' | 'random_seed';
  /** Class name of the SDK's own timeout error, which the provider's error mapping turns into ours. */
  sdkTimeoutError: string;
  /** Whether the provider reads the API's `insufficient_quota` code (a 429 that retrying cannot fix). */
  readsQuotaCode: boolean;
}

/** A recognisable fake key: tests assert it never appears in errors or logs. */
export const FAKE_KEY = 'sk-test-CANARY-0123456789abcdef';

export const personSchema = z.object({
  name: z.string(),
  licences: z.array(z.enum(['B', 'C', 'CE'])),
  years: z.number().int().min(0),
});

/**
 * Inside a `describe`: a fresh fake server for each test (closed at the end), and provider settings
 * pointing at it with tiny backoff delays.
 */
export function useFakeServer(target: RemoteTarget) {
  let current: FakeApiServer | undefined;
  const servers: FakeApiServer[] = [];
  beforeEach(async () => {
    current = await startFakeApiServer(target.flavor);
    servers.push(current);
  });
  afterAll(async () => {
    await Promise.all(servers.map((each) => each.close()));
  });
  const server = () => {
    if (!current) throw new Error('useFakeServer: no server outside a test');
    return current;
  };
  return {
    server,
    settings: (extra: Partial<RemoteProviderSettings> = {}): RemoteProviderSettings => ({
      apiKey: FAKE_KEY,
      baseURL: target.baseURL(server()),
      timeoutMs: 3_000,
      maxRetries: 2,
      retry: { initialDelayMs: 1, maxDelayMs: 4, maxRetryAfterMs: 500 },
      env: {},
      ...extra,
    }),
  };
}
