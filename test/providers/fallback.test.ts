import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AuthenticationError,
  ObjectValidationError,
  ProviderError,
  ValidationError,
} from '../../src/errors.js';
import { type FallbackEvent, fallback } from '../../src/providers/fallback.js';
import { createLocal } from '../../src/providers/local/create-local.js';
import { createMistral } from '../../src/providers/mistral/create-mistral.js';
import { createOpenAI } from '../../src/providers/openai/create-openai.js';
import type { ChatModel } from '../../src/providers/spec.js';
import { startFakeApiServer } from './fake-api-server.js';

const fast = { initialDelayMs: 1, maxDelayMs: 2 };

describe('fallback', () => {
  it('continues on the secondary after an outage of the primary, says so once, and stays there', async () => {
    const down = await startFakeApiServer('mistral');
    down.enqueue(...Array.from({ length: 10 }, () => ({ kind: 'status' as const, status: 503 })));
    const primary = createMistral({
      apiKey: 'k-test',
      baseURL: down.url,
      maxRetries: 1,
      retry: fast,
      env: {},
    });
    const events: FallbackEvent[] = [];
    const model = fallback(primary.embeddingModel(), createLocal().embeddingModel(), {
      onFallback: (event) => events.push(event),
    });
    expect(model.provider).toBe('mistral');
    const first = await model.embed({ inputs: ['cariste'] });
    expect(first.vectors).toHaveLength(1);
    expect(model.provider).toBe('local');
    expect(model.modelId).toBe('hashing-v1');
    await model.embed({ inputs: ['maçon'] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: 'embed',
      from: { provider: 'mistral', modelId: 'mistral-embed' },
      to: { provider: 'local', modelId: 'hashing-v1' },
      error: { status: 503, attempts: 2 },
    });
    // 2 attempts for the first call, none after the switch.
    expect(down.requests).toHaveLength(2);
    await down.close();
  });

  it('falls back on a refused connection', async () => {
    const gone = await startFakeApiServer('openai');
    const url = gone.url;
    await gone.close();
    const primary = createOpenAI({
      apiKey: 'k-test',
      baseURL: `${url}/v1`,
      maxRetries: 0,
      dimensions: 1024,
      env: {},
    });
    const warnings: FallbackEvent[] = [];
    const model = fallback(primary.embeddingModel(), createLocal().embeddingModel(), {
      onFallback: (event) => warnings.push(event),
    });
    const { vectors } = await model.embed({ inputs: ['cariste'] });
    expect(vectors[0]).toHaveLength(1024);
    expect(warnings[0]!.error.retryable).toBe(true);
    expect(warnings[0]!.error.status).toBeNull();
  });

  it('does not fall back on a bad key: that is configuration, not an outage', async () => {
    const server = await startFakeApiServer('openai');
    server.enqueue({ kind: 'status', status: 401 });
    const primary = createOpenAI({
      apiKey: 'k-test',
      baseURL: `${server.url}/v1`,
      dimensions: 1024,
      env: {},
    });
    const model = fallback(primary.embeddingModel(), createLocal().embeddingModel(), {
      onFallback: () => {
        throw new Error('must not fall back');
      },
    });
    await expect(model.embed({ inputs: ['a'] })).rejects.toBeInstanceOf(AuthenticationError);
    expect(model.provider).toBe('openai');
    await server.close();
  });

  it('refuses to mix embedding models of different sizes', () => {
    const primary = createOpenAI({ apiKey: 'k-test', env: {} }).embeddingModel();
    expect(() => fallback(primary, createLocal().embeddingModel())).toThrow(ValidationError);
  });

  it('falls back for chat on an outage but not on an answer that fails its schema', async () => {
    const calls: string[] = [];
    const failing = (error: Error): ChatModel => ({
      specificationVersion: 'v1',
      provider: 'primary',
      modelId: 'p',
      generateObject: async () => {
        calls.push('primary');
        throw error;
      },
      generateText: async () => {
        calls.push('primary');
        throw error;
      },
    });
    const secondary: ChatModel = {
      specificationVersion: 'v1',
      provider: 'secondary',
      modelId: 's',
      generateObject: async () => {
        calls.push('secondary');
        return { object: { ok: true } as never, usage: { inputTokens: 1, outputTokens: 1 } };
      },
      generateText: async () => {
        calls.push('secondary');
        return { text: 'ok', usage: { inputTokens: 1, outputTokens: 1 } };
      },
    };
    const outage = new ProviderError('down', {
      provider: 'primary',
      status: 502,
      retryable: true,
      attempts: 4,
    });
    const chat = fallback(failing(outage), secondary, { onFallback: () => undefined });
    expect((await chat.generateText({ messages: [{ role: 'user', content: 'x' }] })).text).toBe('ok');
    expect(calls).toEqual(['primary', 'secondary']);

    const invalid = new ObjectValidationError('bad', {
      provider: 'primary',
      issues: [{ path: ['a'], message: 'Required' }],
      text: '{}',
      usage: { inputTokens: 1, outputTokens: 1 },
    });
    const strict = fallback(failing(invalid), secondary, { onFallback: () => undefined });
    await expect(
      strict.generateObject({
        schema: z.object({ ok: z.boolean() }),
        messages: [{ role: 'user', content: 'x' }],
      }),
    ).rejects.toBe(invalid);
  });
});
